/**
 * Reading helpers shared by the dataset loaders: chunked 8-bit image storage, offset-tracking
 * record input (errors name the file and byte offset), SHA-256 hashing, the stratified limit.
 */
package org.batchcuration.datasets.io;
