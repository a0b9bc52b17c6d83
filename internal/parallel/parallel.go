// Package parallel runs the independent steps of a loop on every processor.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(0) … f(n-1) on GOMAXPROCS goroutines (no more than n), each
// taking the next index when it is done with one, and returns when all
// calls have returned. The calls must not depend on each other's order.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
