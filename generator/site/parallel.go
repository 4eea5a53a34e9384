package site

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallel calls f(i) for i in [0, n) on GOMAXPROCS goroutines. The results
// must go to index i of a slice, so that their order never depends on
// scheduling.
func parallel(n int, f func(i int)) {
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
