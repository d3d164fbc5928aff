// Package cli holds the command-line convention every claimtrail program
// follows: flags before arguments, a usage mistake reported once with exit
// status 2, any other failure with exit status 1, -h printing the usage
// with exit status 0, and no argument silently ignored.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// UsageError is a mistake in a command line: an unknown flag, a bad flag
// value, an argument too many. [Run] prints it once and exits with status
// 2.
type UsageError struct{ Err error }

// Error returns the mistake.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a [*UsageError] with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Parse parses args with fs, allowing at most maxArgs arguments after the
// flags. It prints nothing for a mistake, which it returns as a
// [*UsageError]; for -h or -help it writes the usage to stderr and returns
// [flag.ErrHelp].
func Parse(fs *flag.FlagSet, args []string, maxArgs int, stderr io.Writer) error {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, "Usage of %s:\n", fs.Name())
		fs.PrintDefaults()
		return flag.ErrHelp
	case err != nil:
		return &UsageError{Err: err}
	case fs.NArg() > maxArgs:
		return Usagef("unexpected arguments %q (flags go before arguments)", fs.Args()[maxArgs:])
	}
	return nil
}

// Run runs a program's run function with its arguments and returns the
// exit status: 0 when it succeeds or printed its usage for -h, 2 after
// printing a usage mistake, 1 after printing any other error. Each message
// is printed once, on stderr, prefixed with the program's name.
func Run(name string, args []string, stdout, stderr io.Writer, run func(stdout, stderr io.Writer, args []string) error) int {
	err := run(stdout, stderr, args)
	var usage *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "%s: %v\nRun '%s -h' for usage.\n", name, err, name)
		return 2
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return 1
}
