// Package conformance holds tests that check a built site against outside
// standards with outside tools: the Nu Html Checker, the SHACL shapes of
// DCAT-AP and DCAT-AP.de, and the Data Package v2 profiles. It has no code
// of its own besides the tests.
package conformance
