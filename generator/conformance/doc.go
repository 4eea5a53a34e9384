// Package conformance holds tests that check a built site against outside
// standards with outside tools, such as the Nu Html Checker. It has no code
// of its own besides the tests.
package conformance
