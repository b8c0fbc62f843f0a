/** The cifar10 and cifar100 dataset plugins (official binary version, folder or .tar.gz). */
package org.batchcuration.datasets.cifar;
