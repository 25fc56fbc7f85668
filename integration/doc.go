// Package integration runs the mailcheck CLI, in-process, against real Postfix and Dovecot
// servers on loopback, started by scripts/realservers.sh. The tests read the env file the
// script writes, named by $MAILCHECK_REALSERVERS, and skip when it is unset or absent:
//
//	sudo bash scripts/realservers.sh /tmp/mailcheck-realservers.env
//	MAILCHECK_REALSERVERS=/tmp/mailcheck-realservers.env go test ./integration/ -count=1 -v
//
// Nothing here touches a non-loopback address: probes dial 127.0.0.1 and 127.0.0.2, and the
// account test resolves names through an in-process DNS server (testservers.StartDNST).
package integration
