/** The mnist and fashion-mnist dataset plugins (IDX files, raw or .gz). */
package org.batchcuration.datasets.idx;
