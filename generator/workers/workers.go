// Package workers spreads independent work over every core.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach calls f(i) for i in [0, n) on GOMAXPROCS goroutines. f writes its
// result to index i of a slice, so that the order of results never depends
// on scheduling.
func ForEach(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
