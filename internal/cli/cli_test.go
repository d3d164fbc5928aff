package cli_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/claimtrail/claimtrail/internal/cli"
)

// prog is a program with one flag and at most one argument.
func prog(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	n := fs.Int("n", 0, "a number")
	if err := cli.Parse(fs, args, 1, stderr); err != nil {
		return err
	}
	if *n < 0 {
		return cli.Usagef("-n %d: want 0 or more", *n)
	}
	if fs.NArg() == 1 && fs.Arg(0) == "fail" {
		return errors.New("it failed")
	}
	_, err := io.WriteString(stdout, "ok\n")
	return err
}

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string
		stderrHas  string
		stderrOnce string
	}{
		{"ok", nil, 0, "ok\n", "", ""},
		{"one-argument", []string{"x"}, 0, "ok\n", "", ""},
		{"help", []string{"-h"}, 0, "", "Usage of prog", ""},
		{"unknown-flag", []string{"-x"}, 2, "", "Run 'prog -h' for usage.", "flag provided but not defined: -x"},
		{"bad-value", []string{"-n", "two"}, 2, "", "invalid value", "invalid value"},
		{"extra-arguments", []string{"a", "b"}, 2, "", `unexpected arguments ["b"]`, "unexpected arguments"},
		{"flag-after-argument", []string{"a", "-n", "1"}, 2, "", "flags go before arguments", "unexpected arguments"},
		{"usage-from-run", []string{"-n", "-1"}, 2, "", "-n -1: want 0 or more", "want 0 or more"},
		{"failure", []string{"fail"}, 1, "", "prog: it failed", "it failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			code := cli.Run("prog", tc.args, &out, &errs, prog)
			assert.Equal(t, tc.code, code, "exit status")
			assert.Equal(t, tc.stdout, out.String())
			assert.Contains(t, errs.String(), tc.stderrHas)
			if tc.stderrOnce != "" {
				assert.Equal(t, 1, strings.Count(errs.String(), tc.stderrOnce), "message printed once: %q", errs.String())
			}
			if tc.code == 0 && tc.stderrHas == "" {
				assert.Empty(t, errs.String())
			}
		})
	}
}
