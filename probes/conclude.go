package probes

import (
	"fmt"
	"strings"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Supported reports whether the engine can walk protocol p.
func Supported(p Proto) bool { _, ok := scripts[p]; return ok }

// Conclude draws cross-endpoint conclusions from a run's results (report-level findings).
func Conclude(results []Result) []findings.Finding {
	var out []findings.Finding
	var timedOut25 []string
	var reached, timedOut []string
	submissionOK := false
	for _, r := range results {
		addr := fmt.Sprintf("%s:%d", r.Endpoint.Host, r.Endpoint.Port)
		switch {
		case stepHas(r, StepConnect, findings.TCPTimeout):
			timedOut = append(timedOut, addr)
			if r.Endpoint.Port == 25 {
				timedOut25 = append(timedOut25, addr)
			}
		case stepOK(r, StepConnect):
			reached = append(reached, addr)
			if r.Endpoint.Proto == SMTP && (r.Endpoint.Port == 465 || r.Endpoint.Port == 587) {
				submissionOK = true
			}
		}
	}
	if len(timedOut25) > 0 && submissionOK {
		out = append(out, findings.New(findings.TCPPort25Blocked,
			fmt.Sprintf("%s timed out while 465/587 connected", strings.Join(timedOut25, ", "))))
	}
	if len(timedOut) >= 2 && len(reached) == 0 {
		out = append(out, findings.New(findings.NetMailPortsBlocked,
			fmt.Sprintf("every mail port timed out (%s) while DNS answered", strings.Join(timedOut, ", "))))
	}
	return out
}

func stepHas(r Result, step string, c findings.Code) bool {
	for _, s := range r.Steps {
		if s.Name == step {
			for _, f := range s.Findings {
				if f.Code == c {
					return true
				}
			}
		}
	}
	return false
}
