/** The image-folder dataset plugin (PNG/JPEG in class sub-folders, via javax.imageio). */
package org.batchcuration.datasets.folder;
