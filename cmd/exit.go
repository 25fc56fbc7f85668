package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/mailcheck/mailcheck/probes"
)

// Exit statuses (CLI.md).
const (
	ExitOK          = 0
	ExitFindings    = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// UsageError is bad input or usage: exit 2, one clear line on stderr.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{Msg: fmt.Sprintf(format, args...)} }

// errFindings carries "the report had error-level findings" to Main without printing anything.
var errFindings = errors.New("error-level findings")

// exitCode is the one map from a command's outcome to the process exit status.
func exitCode(ctx context.Context, err error) int {
	switch {
	case err == nil:
		return ExitOK
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, errFindings):
		return ExitFindings
	}
	return ExitUsage
}

// reportErr turns a finished report into the command's error: its status is the one rule.
func reportErr(rep *probes.Report) error {
	if rep.Status == probes.Fail {
		return errFindings
	}
	return nil
}
