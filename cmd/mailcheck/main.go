// Command mailcheck tells why a mail client cannot send or receive mail, and what to change.
package main

import (
	"os"

	"github.com/mailcheck/mailcheck/cmd"
)

func main() { os.Exit(cmd.Main()) }
