package probes

// The catalogue entries of the conformance codes. They live here rather than in findings.go so
// the conformance suite can be added without touching the knowledge base; init runs after
// findings.go's (file order), so each entry sets its own Code.
func init() {
	catalogue[CodeConformMustFailed] = Entry{
		Code:     CodeConformMustFailed,
		Severity: SevError,
		Title:    tx("The server breaks a MUST of its protocol standard", "服务器违反了协议标准中的强制要求（MUST）"),
		Explain: tx(
			"A conformance check at MUST level failed: the server does something its RFC forbids, or leaves out something "+
				"it requires. Lenient clients may cope, strict ones (and security-sensitive ones) fail in ways that are hard "+
				"to diagnose. The evidence names the check, the RFC section and the server's own line.",
			"一项 MUST 级别的一致性检查未通过：服务器做了 RFC 禁止的事，或缺少 RFC 要求的行为。宽松的客户端也许能应付，"+
				"严格的（以及注重安全的）客户端会以难以排查的方式失败。证据中列出了检查项、RFC 章节和服务器的原始应答。"),
		Fix: tx(
			"Give the check id, the RFC section and the evidence line to the server's administrator or vendor; upgrade or "+
				"reconfigure the server software (a proxy or security appliance in front of it is a frequent cause).",
			"把检查项编号、RFC 章节和证据行提供给服务器管理员或厂商；升级或调整服务器软件配置（服务器前面的代理或安全设备也常是原因）。"),
		Ref: "RFC 2119 1",
	}
	catalogue[CodeConformShouldFailed] = Entry{
		Code:     CodeConformShouldFailed,
		Severity: SevWarning,
		Title:    tx("The server departs from a SHOULD of its protocol standard", "服务器未遵循协议标准中的建议要求（SHOULD）"),
		Explain: tx(
			"A conformance check at SHOULD level failed: the RFC recommends otherwise, usually for security or for "+
				"interoperability. Mail can still work, but some clients may behave differently, or passwords may be "+
				"exposed to more risk than necessary.",
			"一项 SHOULD 级别的一致性检查未通过：RFC 出于安全或互通性的考虑建议采用其他做法。邮件通常仍可收发，"+
				"但部分客户端可能表现不同，或者密码面临不必要的风险。"),
		Fix: tx(
			"Review the check and its evidence with the server's administrator; follow the RFC's recommendation unless "+
				"there is a documented reason not to.",
			"请与服务器管理员一起查看该检查项及证据；除非有明确理由，否则应按 RFC 的建议进行配置。"),
		Ref: "RFC 2119 3",
	}
}
