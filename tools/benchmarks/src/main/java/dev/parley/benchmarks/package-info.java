/** JMH benchmarks of the pure libraries; each benchmark class documents its target. */
package dev.parley.benchmarks;
