package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
)

// procStatus returns the fields of /proc/self/status given in kB
// (VmRSS, VmHWM, ...) as bytes; it is empty where there is no /proc.
func procStatus() map[string]int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return nil
	}
	return parseStatus(b)
}

// parseStatus reads the "Name:   1234 kB" lines of a /proc/PID/status file
// into bytes by name, skipping every other line. It takes time linear in
// the length of b.
func parseStatus(b []byte) map[string]int64 {
	m := make(map[string]int64)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			continue
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil || kb < 0 || kb > 1<<53 {
			continue
		}
		m[name] = kb << 10
	}
	return m
}

// resetPeak starts a new peak resident set (VmHWM) from the current one, as
// writing 5 to /proc/self/clear_refs does on Linux, and reports whether it
// could.
func resetPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// loadAverage returns the system's load average over the last minute, or
// -1 where there is no /proc/loadavg.
func loadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f, _, _ := strings.Cut(string(b), " ")
	v, err := strconv.ParseFloat(f, 64)
	if err != nil {
		return -1
	}
	return v
}
