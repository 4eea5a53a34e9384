// Package e2e tests the offenbar command from the outside, as a town runs
// it: as a process of its own, built with go build; killed in the middle
// of a build; in other time zones and working directories; as the binary
// of the release workflow, in a folder without templates or node_modules;
// and through the jobs of the CI templates that init writes.
//
// The package has no code of its own besides its tests. They live apart
// from package main's so that each test binary stays well inside go test's
// time limit on a busy 2-core CI runner.
package e2e
