/**
 * Benchmarks: the servers under test (Jornado and a raw Vert.x baseline, both serving {@code /},
 * {@code /json}, WebSocket echo at {@code /ws} and broadcast at {@code /chat}), the WebSocket load
 * client, and JMH micro-benchmarks. Run by {@code bench/run}; see docs/benchmarks.md.
 */
package io.jornado.bench;
