package main

import (
	"cmp"
	"fmt"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// machineCosts says what this machine charges for what a short run spends
// most of its time on: a process's first touch of memory (a page fault;
// on a virtual machine, the host's backing too) and a system call.
// Session 15's machine took ~11 µs a fault against ~1.5 µs in session
// 13's, and a re-run's share of the cold batch's time moved with it.
func machineCosts() string {
	small, err1 := freshMemory(64<<20, false)
	huge, err2 := freshMemory(64<<20, true)
	if err1 != nil || err2 != nil {
		return fmt.Sprintf("fresh memory not measured: %v", cmp.Or(err1, err2))
	}
	const calls = 200_000
	t := time.Now()
	for range calls {
		syscall.Getppid()
	}
	call := time.Since(t) / calls
	return fmt.Sprintf("a page fault %.1f µs (fresh memory %.2f ms/MiB in 4 KiB pages, %.2f ms/MiB advised for huge pages); a system call %.2f µs",
		small*1e6/256, small*1e3, huge*1e3, float64(call.Nanoseconds())/1e3)
}

// freshMemory maps n bytes anew, advised for huge pages or not, touches
// every 4 KiB page once and returns the seconds a MiB took.
func freshMemory(n int, huge bool) (float64, error) {
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return 0, err
	}
	defer unix.Munmap(b)
	if huge {
		if err := unix.Madvise(b, unix.MADV_HUGEPAGE); err != nil {
			return 0, err
		}
	}
	t := time.Now()
	for i := 0; i < n; i += 4096 {
		b[i] = 1
	}
	return time.Since(t).Seconds() / float64(n>>20), nil
}
