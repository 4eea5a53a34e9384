package sitetest

import (
	"flag"
	"time"
)

// SlowMachineTimeout is how long a test binary of the browser and whole-site
// tests may run when go test was left at its default -timeout of 10 minutes.
const SlowMachineTimeout = 40 * time.Minute

// RaiseDefaultTimeout lets a test binary that drives Chromium or builds
// whole sites run for SlowMachineTimeout instead of go test's default 10
// minutes. On a shared 2-core CI runner under load these packages take
// longer than 10 minutes without anything being wrong; the timeout guards
// liveness only. An explicit -timeout other than 10m is kept. Call it from
// TestMain before m.Run.
func RaiseDefaultTimeout() {
	if !flag.Parsed() {
		flag.Parse()
	}
	f := flag.Lookup("test.timeout")
	if f == nil {
		return
	}
	if d, err := time.ParseDuration(f.Value.String()); err == nil && d == 10*time.Minute {
		f.Value.Set(SlowMachineTimeout.String())
	}
}
