// Command buildprof runs press's build pipeline once, in process, with a
// CPU profile and heap profiles (allocations; the live heap at each new
// high, as .peak; the live heap after the build, as .end), to see where a
// build's time and memory go beside Hugo's:
//
//	go run ./internal/bench/cmd/buildprof -source SITE -dest OUT -cache DIR -clean -cpuprofile cpu.out
//	go tool pprof -top -cum cpu.out
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/zzia/press/internal/pipeline"
)

func main() {
	src := flag.String("source", ".", "the site")
	dest := flag.String("dest", "", "the output folder (required)")
	cache := flag.String("cache", "", "the cache folder (empty: the user's)")
	cpu := flag.String("cpuprofile", "", "CPU profile file")
	mem := flag.String("memprofile", "", "heap profile file (allocations)")
	clean := flag.Bool("clean", false, "remove the output before the build")
	flag.Parse()
	if *dest == "" {
		fmt.Fprintln(os.Stderr, "buildprof: -dest is required")
		os.Exit(2)
	}
	if *clean {
		os.RemoveAll(*dest)
	}
	runtime.MemProfileRate = 64 * 1024
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
	}
	if *mem != "" {
		go peakHeap(*mem + ".peak")
	}
	start := time.Now()
	res, err := pipeline.Build(pipeline.Options{Source: *src, Dest: *dest, CacheDir: *cache})
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *mem != "" {
		f, _ := os.Create(*mem)
		pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	if *mem != "" {
		runtime.GC()
		f, _ := os.Create(*mem + ".end")
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
	fmt.Println(time.Since(start), res.Pages, res.Files)
	for _, s := range res.Stages {
		fmt.Println(" ", s.Name, s.Elapsed)
	}
}

// peakHeap writes the heap profile each time the live heap after a GC
// reaches a new high.
func peakHeap(name string) {
	var best uint64
	var last uint32
	for {
		time.Sleep(20 * time.Millisecond)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.NumGC == last {
			continue
		}
		last = ms.NumGC
		if ms.HeapAlloc > best {
			best = ms.HeapAlloc
			f, _ := os.Create(name)
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
}
