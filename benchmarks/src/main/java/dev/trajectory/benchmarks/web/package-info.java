/**
 * A minimal Spring Boot web application built from the starter, for the request filter's load test and the
 * {@code @TraceAgentRun} benchmark (the sample app is a command-line application without an HTTP endpoint).
 */
@NullMarked
package dev.trajectory.benchmarks.web;

import org.jspecify.annotations.NullMarked;
