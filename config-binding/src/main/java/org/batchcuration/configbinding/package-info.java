/**
 * How a JSON config becomes records: the strict mapper ({@link
 * org.batchcuration.configbinding.Json}), JSON paths for messages, a section bound over its
 * record's defaults ({@link org.batchcuration.configbinding.RecordBinder}), plugin-valued configs
 * nested at any depth ({@link org.batchcuration.configbinding.RegistryNestedPlugins}) and the one
 * bad-config exception ({@link org.batchcuration.configbinding.ConfigException}). Below the runner
 * and the benchmarks; depends on the SPI and Jackson only (ArchitectureTest).
 */
package org.batchcuration.configbinding;
