package findings

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The knowledge-base matcher: it turns a server reply, a client-library error or a pasted log
// into finding codes. Signatures are plain lower-case literals found in one pass by an
// Aho-Corasick automaton, plus the enhanced status codes (RFC 3463) of each line; a signature
// may add required literals, excluded literals, literals that must closely follow its anchor, or
// a regular expression, all checked only when an anchor occurs. The table is ordered most specific
// first and a line yields the first signature that holds; signatures marked generic (auth.failed,
// tcp.connect-failed, ...) are dropped from MatchText's answer when a specific code of the same
// family explains them. Client-side texts never match in MatchReply, which sees server replies.

// Match is one signature hit.
type Match struct {
	Code     Code
	Evidence string // the input line that matched (trimmed, printable)
	Rule     string // signature id, e.g. "smtp-enh-5.7.9" or "qq-authcode"
}

// Limits that keep matching bounded on any input.
const (
	maxMatchInput = 1 << 20 // bytes of text read by MatchText, DecodeText, ProviderHint and ReplyClass
	maxMatchLine  = 8 << 10 // bytes of one (logical) line that are matched
	maxEvidence   = 512     // bytes of evidence kept per match
	maxGroupLines = 64      // lines of one multi-line SMTP reply joined before matching
	seamBytes     = 80      // bytes of each side of a line break matched together (wrapped text)
)

// sig is one signature.
type sig struct {
	id      string
	code    Code
	any     []string       // anchors: lower-case literals, one of which must occur
	enh     []string       // anchors: enhanced status codes ("5.7.9"), alternative to any
	all     []string       // literals that must all occur as well
	not     []string       // literals none of which may occur
	re      *regexp.Regexp // checked on the normalised line after an anchor hit
	within  int            // with close: how many bytes after an anchor they must start
	close   []string       // literals one of which must follow an "any" anchor closely
	client  bool           // text written by client software, not a server reply
	generic bool           // a fallback: dropped when a more specific code of its family matched
}

func srv(id string, c Code, any ...string) *sig { return &sig{id: id, code: c, any: any} }
func cli(id string, c Code, any ...string) *sig { return &sig{id: id, code: c, any: any, client: true} }
func enh(id string, c Code, codes ...string) *sig {
	return &sig{id: id, code: c, enh: codes}
}
func (s *sig) and(lits ...string) *sig { s.all = append(s.all, lits...); return s }
func (s *sig) but(lits ...string) *sig { s.not = append(s.not, lits...); return s }
func (s *sig) gen() *sig               { s.generic = true; return s }
func (s *sig) match(expr string) *sig  { s.re = regexp.MustCompile(expr); return s }
func (s *sig) near(n int, lits ...string) *sig {
	s.within, s.close = n, lits
	return s
}

// signatures returns the table, most specific first. Literals are lower case; input is
// lower-cased (ASCII) with runs of white space collapsed to one space before matching.
func signatures() []*sig {
	return []*sig{
		// ---- A. Provider and server texts that name the cause outright ----
		// QQ / NetEase / Coremail: the client authorization code (授权码).
		srv("qq-authcode", AuthAuthorizationCodeRequired, "authorization code", "authorized code",
			"授权码", "授权密码", "enter your authoriz", "no=1001256",
			"authentication failed, system busy").but("oauth", "invalid_grant"),
		srv("exmail-weixin-token", AuthAuthorizationCodeRequired, "weixin token", "客户端专用密码"),
		srv("coremail-reqcode", AuthAuthorizationCodeRequired, "err.login.reqcode"),
		// QQ's misspelt "requiered" and the same demand worded by others.
		srv("qq-secure-connection", TLSRequired, "secure connection is requiered",
			"secure connection is required"),
		srv("aliyun-non-ssl", TLSRequired, "uc_client_non_ssl"),
		// Access for mail clients switched off.
		srv("qq-service-not-open", AuthServiceDisabled, "service is not open", "account is abnormal"),
		srv("netease-no-permission", AuthServiceDisabled, "user has no permission"),
		srv("yandex-no-access", AuthServiceDisabled, "does not have access rights to this service"),
		srv("gmail-protocol-disabled", AuthServiceDisabled, "not enabled for pop", "not enabled for imap",
			"imap access is disabled", "pop access is disabled", "pop3 access is disabled", "imap is disabled",
			"imap use is disabled"),
		srv("ms-smtp-auth-disabled", AuthSMTPAuthDisabled, "smtpclientauthentication is disabled",
			"smtp_auth_disabled", "smtp client authentication is disabled"),
		srv("aliyun-source-not-allowed", AuthServiceDisabled, "uc_login_source_not_allowed"),
		// Password sign-in switched off.
		srv("ms-basic-disabled", AuthBasicDisabled, "basic authentication is disabled",
			"basic authentication is not supported", "basic auth is disabled", "basicauthblocked"),
		// App passwords.
		srv("gmail-app-password", AuthAppPasswordRequired, "application-specific password required",
			"invalidsecondfactor", "app password required", "application password is required",
			"app-specific password required", "app password is required"),
		srv("yahoo-auth005", AuthAppPasswordRequired, "#auth005"),
		// Interactive web sign-in demanded.
		srv("gmail-web-login", AuthWebLoginRequired, "web login required", "webalert",
			"log in via your web browser", "login via your web browser", "webloginrequired"),
		srv("web-browser-login", AuthWebLoginRequired, "browser").
			match(`(log ?in|sign ?in)\W+(via|with|using|through|from|in)\W+(your|the|a)\W+(web\W+)?browser`),
		// OAuth2 token refused for want of a scope: RFC 6750's error in a decoded challenge.
		srv("oauth-insufficient-scope", AuthOAuthWrongScope, `"status":"insufficient_scope"`, `"status":"403"`,
			"insufficient_scope", "insufficient scope"),
		srv("oauth-invalid-audience", AuthOAuthWrongAudience, "invalid audience", "aadsts500011", "invalidaudience"),
		srv("oauth-expired-token", AuthOAuthTokenExpired, "token has expired", "token is expired", "token expired",
			"lifetime validation failed", "aadsts700082", "tokenexpired").but("refresh token", "password"),
		// OAuth2 token refused: Gmail's base64 JSON status, its decoded form, Thunderbird's text.
		srv("gmail-oauth-status", AuthOAuthFailed, "eyjzdgf0dxmioi", `"schemes":"bearer"`,
			"invalid oauth", "oauth token", "access token is invalid"),
		srv("xoauth2-invalid", AuthOAuthFailed, "invalid xoauth2", "invalid oauthbearer", "xoauth2 auth data"),
		srv("xoauth2-failed", AuthOAuthFailed, "xoauth2", "oauthbearer").near(40, "fail", "invalid", "rejected"),
		cli("tb-oauth-error", AuthOAuthFailed, "authentication failure while connecting to server",
			"服务器时身份验证失败"),
		// A failing authentication backend, not a wrong password (Dovecot, Postfix SASL).
		srv("auth-temporary", ServerBusy, "temporary authentication failure", "temporary authentication failed"),
		// Too many attempts.
		srv("login-rate-limit", AuthRateLimited, "too many login attempts", "too much fail authentication",
			"auth error limit exceed", "authentication failure[1]", "too many failed login",
			"too many authentication failures", "too many bad auth", "login rate limit",
			"too many invalid logins", "登录过于频繁", "登录频率"),
		// Coremail (NetEase enterprise and others) ERR.LOGIN.* codes.
		srv("coremail-passerr", AuthFailed, "err.login.passerr").gen(),
		srv("coremail-ipdeny", AuthIPDenied, "err.login.ipdeny"),
		srv("coremail-usernotexist", AuthUserUnknown, "err.login.usernotexist"),
		srv("coremail-domainnotexist", AuthWrongServer, "err.login.domainnotexist"),
		srv("coremail-domainexped", AuthSubscriptionExpired, "err.login.domainexped"),
		srv("coremail-systembusy", ServerBusy, "err.login.systembusy"),
		// NetEase IMAP demands the ID command.
		srv("netease-unsafe-login", IMAPIDRequired, "unsafe login"),
		// STARTTLS missing where demanded (before "starttls is required").
		srv("starttls-unavailable", TLSSTARTTLSUnavailable, "tls not available",
			"starttls is required but host does not support starttls", "doesn't advertise that feature",
			"starttls extension not supported", "server does not support starttls",
			"starttls not supported", "does not support stls", "stls not supported", "starttls denied",
			"via the starttls command",
			"因为它不宣称支持此功能"),
		// TLS version.
		srv("tls-version-unsupported", TLSVersionTooOld, "tls 1.0 and 1.1 are not supported",
			"unsupported protocol version", "protocol version not supported", "tlsv1 alert protocol version",
			"no appropriate protocol", "no protocols available", "ssl_choose_client_version",
			"unsupported protocol", "protocol is disabled", "fatal alert: protocol_version"),
		// Encryption demanded before login or mail.
		srv("starttls-first", TLSRequired, "must issue a starttls", "starttls is required",
			"starttls required", "issue starttls first", "encryption required", "privacyrequired",
			"plaintext authentication disallowed", "plaintext authentication not allowed",
			"logindisabled", "must use tls", "tls required", "ssl required", "requires ssl",
			"requires tls", "non-secure (ssl/tls) connections", "connection must be encrypted",
			"cleartext logins disabled", "plain text login is not allowed", "需要加密"),
		// Login method.
		srv("auth-mech-unsupported", AuthMechanismUnsupported, "unrecognized authentication type",
			"authentication mechanism is too weak", "does not support the selected authentication method",
			"no supported authentication method", "unsupported authentication mechanism",
			"authentication mechanism not supported", "unknown authentication mechanism",
			"auth mode unsupported", "none of the authentication methods supported by this client",
			"mechanism not supported", "does not seem to support encrypted passwords",
			"does not allow plaintext passwords", "不支持您选择的验证方式", "不支持您所选择的认证方式",
			"不允许明文密码", "不支持加密过的密码", "invalid authentication mechanism", "mechanism(s) not available",
			"mechanisms not available", "no authentication mechanisms", "no authentication mechansims"),
		srv("auth-not-offered", SMTPAuthNotOffered, "smtp auth extension not supported",
			"server doesn't support auth", "does not support authentication (smtp-auth)",
			"authentication not enabled", "auth command used when not advertised",
			"authentication not available", "auth not available"),
		srv("auth-not-implemented", SMTPAuthNotOffered, "not implemented").match(`auth .{0,200}not implemented`),
		srv("auth-unrecognized", SMTPAuthNotOffered, "command unrecognized", "unrecognized command",
			"command not recognized").match(`(unrecognized|not recognized)\W{0,4}auth\b`),
		// Sender, relay, content, limits.
		srv("sender-mismatch", SMTPSenderMismatch, "mail from must equal authorized user",
			"must be same as authorization user", "must be same as authorized user",
			"does not have permissions to send as this sender", "sendasdenied", "not allowed to send as",
			"not owned by user", "doesn't conform with authentication", "dt:sum",
			"envelope sender is not match", "local user only", "sender is not the authenticated user", "email address is not verified",
			"发件人必须与登录"),
		srv("zoho-relaying-as", SMTPSenderMismatch, "relaying disallowed as"),
		// Yahoo's wording when the From is not the logged-in account.
		srv("yahoo-mailbox-unavailable", SMTPSenderMismatch, "request failed; mailbox unavailable"),
		// QQ answers a malformed MAIL FROM (a name, not an address) this way.
		srv("qq-invalid-input", SMTPSenderInvalid, "invalid input from"),
		srv("ip-rate-limit", ServerBusy, "ip frequency limited", "connection frequency limited",
			"hl:icc", "hl:ifc", "hl:rep", "hl:mep", "hl:ifq"),
		// RFC 7372 X.7.25 and Postfix reject_unknown_client / reject_unknown_reverse_client_hostname.
		srv("no-reverse-dns", SMTPNoReverseDNS, "reverse hostname", "reverse dns", "cannot find your hostname",
			"no ptr record", "ptr record", "reverse lookup", "reverse-dns", "rdns"),
		srv("ip-blocked", SMTPIPBlocked, "hl:ipb", "hl:ihu", "black ip", "blocked using", "spamhaus",
			"rbl deny", "banned sending ip", "spam abuse detected from ip", "traffic not accepted from this ip",
			"is blacklisted", "blocklisted", "block listed", "black listed", "block-listed", "black-listed", "is listed at", "[bl21]", "[tss09]", "client host rejected",
			"ip is rejected", "ip address is blocked", "your ip has been blocked"),
		srv("yahoo-tss", SMTPIPBlocked, "[tss").match(`\[tss\d\d\]`),
		srv("spam-rejected", SMTPSpamRejected, "dt:spm", "message not allowed", "mail content denied", "rejected by anti-spam",
			"reject by content spam", "reject by behaviour spam", "content identified as spam",
			"likely unsolicited mail", "not accepted for policy reasons", "identified as spam",
			"rejected as spam", "spam message rejected", "message rejected due to spam",
			"未被许可的信息", "识别为垃圾邮件", "被判为垃圾邮件"),
		srv("sending-limit", SMTPSendingLimit, "mi:stc", "daily user sending limit",
			"daily user sending quota", "sending limit exceeded", "daily message limit", "sending quota exceeded",
			"daily sending quota", "exceeded the daily", "message limit exceeded", "messages per day",
			"daily message quota", "submissionquotaexceeded", "daily limit", "sending rate exceeded", "超出每日", "发信数量"),
		srv("sending-blocked", SMTPSendingBlocked, "outboundspamexception", "isn't allowed to send email",
			"not allowed to send mail", "wascl", "blocked for sending", "restricted from sending",
			"suspended from sending", "sending has been disabled"),
		srv("outgoing-suspended", SMTPSendingBlocked, "outgoing mail").and("suspended"),
		srv("spf-dmarc", SMTPSPFDMARCRejected, "this mail is unauthenticated", "spf validation failed",
			"spf check failed", "dmarc policy", "failed dmarc", "dkim validation failed", "sender policy framework"),
		srv("greylisted", SMTPGreylisted, "greylist", "graylist"),
		srv("relay-denied", SMTPRelayDenied, "relay access denied", "relaying denied", "unable to relay",
			"relay not permitted", "not permitted to relay", "relaying not allowed", "host denies relay",
			"we do not relay", "relay check", "relaying disallowed", "relay denied", "not allowed to relay",
			"relaying to", "拒绝中继"),
		srv("auth-required", SMTPAuthRequired, "authentication required", "authentication is required",
			"client not authenticated", "client was not authenticated", "not authenticated to send",
			"need ehlo and auth first", "rejected: not logged in", "must authenticate", "please authenticate",
			"smtp auth required", "auth required", "requires authentication", "本域用户必须通过验证").
			but("error: 535"),
		srv("bad-sequence", SMTPBadSequence, "bad sequence of command", "command out of sequence",
			"out of sequence", "send hello first", "need mail command", "need rcpt command", "命令顺序"),
		srv("line-too-long", SMTPLineTooLong, "line too long", "line is too long", "lines too long",
			"maximum allowed line length", "line length in message", "line length exceeds", "line length exceeded",
			"line length limit"),
		srv("helo-rejected", SMTPHELORejected, "helo command rejected", "ehlo command rejected",
			"need fully-qualified hostname", "invalid helo", "bad helo", "helohost error", "helo hostname",
			"invalid ehlo", "helo name"),
		srv("message-too-large", SMTPMessageTooLarge, "message size exceeds", "exceeds fixed limit",
			"message size limit", "message is too long", "message too big", "message is too large",
			"exceeded mailsize limit", "mail size limit", "length of data content", "attachment is too long",
			"maximum message size", "size exceeds", "邮件大小超过限制", "邮件过大"),
		srv("imap-append-quota", IMAPOverQuota, "quota", "storage limit").
			match(`(^|[\s'"(])no (append|\[)|(^|\s)([a-z]*[0-9][a-z0-9.]*|\*) no |'append' command`),
		srv("mailbox-full", SMTPRecipientMailboxFull, "mailbox full", "mailbox is full", "over quota",
			"exceeded storage allocation", "mailbox quota exceeded", "quota exceeded", "收件人邮箱已满",
			"邮箱已满").but("[overquota]"),
		srv("imap-nonexistent", IMAPNonexistentMailbox, "[nonexistent]", "mailbox doesn't exist",
			"no such mailbox", "unknown mailbox", "mailbox does not exist", "folder does not exist").
			but("5.1.1", "550", "554", "rcpt", "recipient"),
		srv("recipient-disabled", SMTPRecipientDisabled, "user disabled", "mailbox disabled", "mailbox is disabled",
			"recipient is disabled", "account that you tried to reach is disabled", "mailbox has been disabled").
			but("login", "logon", "password", "auth"),
		srv("recipient-unknown", SMTPRecipientUnknown, "user unknown", "unknown user",
			"mailbox not found", "tried to reach does not exist", "recipient address rejected",
			"invalid recipient", "recipient not found", "no mailbox here", "user not found",
			"dosn't exist", "invalid user", "no such user here", "unavailable mail user", "recipient does not exist",
			"no such recipient", "address does not exist", "mailbox unavailable", "邮箱不存在",
			"收件人不存在").but("password", "logon", "login"),
		srv("sender-invalid", SMTPSenderInvalid, "domain of sender address", "bad sender address",
			"sender address rejected", "sender is unvalidated", "mail from invalid", "invalid sender",
			"sender domain does not exist", "发件人地址不合法"),
		// Account state.
		srv("password-expired", AuthPasswordExpired, "password expired", "password has expired",
			"[expired]", "password transition is needed", "密码已过期"),
		srv("account-locked", AuthAccountLocked, "user is locked", "account is locked", "account locked",
			"account has been locked", "account is disabled", "account has been disabled", "account disabled",
			"account has been frozen", "account is frozen", "temporarily suspended", "account suspended",
			"account has been suspended", "account is suspended",
			"user suspended", "账号被锁定", "账户被锁定", "用户被锁定", "冻结", "邮箱被锁"),
		srv("credentials-missing", AuthCredentialsMissing, "no password specified", "missing credentials",
			"username or passwd is null", "could not get password", "error getting mail password",
			"password is empty", "密码不能为空"),
		srv("tb-password-undefined-zh", AuthCredentialsMissing, "无法获取").and("密码"),
		srv("username-format", AuthUsernameFormat, "use your full email address",
			"use full email address", "use the full email address", "username must be an email",
			"user name must be the full", "请使用完整的邮箱地址"),
		srv("user-unknown", AuthUserUnknown, "no such user", "user does not exist",
			"account does not exist", "unknown user name").but("recipient", "rcpt", "5.1.1", "or bad password"),

		// ---- B. Enhanced status codes (RFC 3463 and the IANA registry, provider usage) ----
		enh("smtp-enh-5.7.9", AuthAppPasswordRequired, "5.7.9"),
		enh("smtp-enh-5.7.14", AuthWebLoginRequired, "5.7.14"),
		enh("smtp-enh-5.7.139", AuthBasicDisabled, "5.7.139"),
		enh("smtp-enh-5.7.30", AuthBasicDisabled, "5.7.30"),
		enh("smtp-enh-5.7.57", SMTPAuthRequired, "5.7.57").but("error: 535"),
		enh("smtp-enh-5.7.60", SMTPSenderMismatch, "5.7.60"),
		enh("smtp-enh-4.7.66", TLSVersionTooOld, "4.7.66"),
		enh("smtp-enh-5.7.10", TLSRequired, "5.7.10", "5.7.11"),
		enh("smtp-enh-5.7.4", AuthMechanismUnsupported, "5.7.4"),
		enh("smtp-enh-x.7.12", AuthPasswordExpired, "4.7.12", "5.7.12"),
		enh("smtp-enh-5.7.13", AuthAccountLocked, "5.7.13"),
		enh("smtp-enh-5.7.26", SMTPSPFDMARCRejected, "5.7.20", "5.7.21", "5.7.22", "5.7.23", "5.7.24",
			"5.7.26", "4.7.23", "4.7.24", "4.7.26"),
		enh("smtp-enh-x.7.25", SMTPNoReverseDNS, "5.7.25", "4.7.25"),
		enh("smtp-enh-5.7.606", SMTPIPBlocked, "5.7.606", "5.7.511", "5.7.501",
			"5.7.708", "5.7.510"),
		enh("smtp-enh-5.7.705", SMTPSendingBlocked, "5.7.705", "5.7.750"),
		enh("smtp-enh-5.7.27", SMTPSenderInvalid, "5.7.27", "5.1.7", "5.1.8", "4.1.8"),
		enh("smtp-enh-5.7.28", SMTPSpamRejected, "5.7.28", "4.7.28"),
		enh("smtp-enh-5.4.5", SMTPSendingLimit, "5.4.5", "5.1.90"),
		enh("smtp-enh-5.1.1", SMTPRecipientUnknown, "5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10"),
		enh("smtp-enh-5.2.1", SMTPRecipientDisabled, "5.2.1"),
		enh("smtp-enh-5.2.2", SMTPRecipientMailboxFull, "5.2.2", "4.2.2"),
		enh("smtp-enh-5.3.4", SMTPMessageTooLarge, "5.3.4", "5.2.3", "4.3.4"),
		enh("smtp-enh-4.3.2", ServerBusy, "4.3.2", "4.4.5", "4.3.1"),

		// ---- C. POP3 (RFC 2449/3206) and IMAP (RFC 5530) response codes ----
		srv("pop3-in-use", POP3InUse, "[in-use]", "mailbox is locked", "maildrop is locked",
			"unable to lock maildrop", "mailbox already locked", "already locked"),
		srv("pop3-login-delay", POP3LoginDelay, "[login-delay]"),
		srv("pop3-sys-temp", ServerBusy, "[sys/temp]"),
		srv("pop3-sys-perm", POP3SysPerm, "[sys/perm]"),
		srv("imap-authorizationfailed", AuthAuthorizationFailed, "[authorizationfailed]"),
		srv("imap-contactadmin", IMAPContactAdmin, "[contactadmin]"),
		srv("imap-bandwidth", ServerBusy, "command or bandwidth limits", "bandwidth limit exceeded"),
		srv("imap-overquota", IMAPOverQuota, "[overquota]"),
		srv("imap-unavailable", ServerBusy, "[unavailable]", "[limit]", "[inuse]",
			"maximum number of connections", "too many connections", "too many simultaneous connections",
			"too many concurrent", "connection limit", "mail_max_userip_connections", "最大连接数量",
			"server busy", "server is busy", "temporary server error"),
		srv("smtp-421", ServerBusy, "421").match(`(^|[\s:>'"(,])421[ ,-]`),
		cli("smtp-503", SMTPBadSequence, "503").match(`(^|[\s:>'"(,|])503[ ,-]`),

		// ---- D. Client-side texts: Go, OpenSSL/Python, Node, Java, PHP, .NET, mail apps ----
		// DNS.
		cli("dns-lookup-timeout", DNSFailure, "lookup ").match(`lookup \S+.*(i/o timeout|timed out)`),
		cli("dns-temporary", DNSFailure, "temporary failure in name resolution", "eai_again",
			"server misbehaving", "servfail", "dns server failed", "non-authoritative host not found",
			"try again later. (dns)", "dns query error", "erefused", "eservfail", "dns server returned answer with no data"),
		cli("dns-no-address", DNSNoAddress, "no address associated with hostname", "eai_nodata",
			"no data record of requested type", "enodata"),
		cli("dns-nxdomain", DNSNXDomain, "no such host", "name or service not known",
			"nodename nor servname provided", "getaddrinfo failed", "enotfound", "unknownhostexception",
			"unknown host", "host not found", "could not resolve host", "name not resolved", "nxdomain",
			"cannot locate server", "0x800ccc0d", "socket error # 11001", "wsahost_not_found",
			"err_name_not_resolved", "未知。服务器可能配置错误", "ns_error_unknown_host", "0x804b001e"),
		cli("libuv-enotfound", DNSNXDomain, "-3008").match(`errno\W{0,3}-3008`),
		cli("tb-smtp-unknown", DNSNXDomain, "outgoing server (smtp)").and("is unknown"),
		cli("node-edns", DNSFailure, "'edns'", `"edns"`),
		// Greeting and response timeouts (before the connect timeouts that share words).
		cli("greeting-timeout", ServerGreetingTimeout, "greeting never received", "no greeting",
			"timeout waiting for greeting", "did not receive greeting"),
		cli("response-timeout", ServerResponseTimeout, "read timed out", "the operation has timed out",
			"timed out waiting for a response", "0x8004210a", "0x8004210b", "0x800ccc19",
			"timeout waiting for response", "command timed out", "response timeout", "read timeout",
			"read operation timed out", "while trying to read", "timed out reading", "timeout while reading").
			but("connect timed out"),
		cli("go-read-timeout", ServerResponseTimeout, "read tcp", "read udp").and("i/o timeout"),
		cli("closed-by-timeout", ServerResponseTimeout, "closed: timed out", "closed: read timed out"),
		cli("dotnet-read-timeout", ServerResponseTimeout, "unable to read data from the transport connection").
			and("did not properly respond"),
		cli("ssl-read-timeout", ServerResponseTimeout, "read error", "ssl_read").and("timed out"),
		// Routes.
		cli("ipv6-unreachable", NetIPv6Unreachable, "network is unreachable", "enetunreach",
			"no route to host", "ehostunreach", "network unreachable", "host is unreachable").
			match(`\[[0-9a-f:]+\]|(^|[^0-9a-f:])[0-9a-f]{1,4}(:[0-9a-f]{0,4}){3,7}|tcp6|ipv6`),
		cli("ipv6-cannot-assign", NetIPv6Unreachable, "cannot assign requested address"),
		cli("unreachable", TCPUnreachable, "network is unreachable", "no route to host", "enetunreach",
			"ehostunreach", "network unreachable", "host is unreachable", "noroutetohostexception",
			"host unreachable"),
		// Certificates (before the generic handshake and close texts they come wrapped in).
		cli("tls-intercepted", TLSIntercepted, "kaspersky", "avast", "eset ssl filter", "bitdefender",
			"fortinet", "fortigate", "zscaler", "sophos", "netskope", "bluecoat", "forcepoint", "mcafee",
			"norton", "avg web/mail shield").match(`cert|x509|issuer|ssl|tls`),
		cli("revocation-unchecked", TLSRevocationUnchecked, "unable to check revocation", "revocation function was unable",
			"revocation server was offline", "revocationstatusunknown", "offlinerevocation", "revocationstatus - unknown",
			"unable to get certificate crl", "unable_to_get_crl", "crypt_e_revocation_offline", "0x80092013",
			"could not determine revocation status", "吊销服务器已脱机", "吊销功能无法检查"),
		cli("cert-revoked", TLSCertRevoked, "certificate revoked", "certificate has been revoked",
			"cert_revoked", "revoked certificate", "certificate is revoked", "证书已被吊销"),
		// Go names both cases in one message; the times tell which (current time … is before
		// the start: not yet valid).
		cli("cert-not-yet-valid-go", TLSCertNotYetValid, "has expired or is not yet valid").match(`current time \S+ is before`),
		cli("cert-not-yet-valid", TLSCertNotYetValid, "certificatenotyetvalidexception", "not yet valid",
			"cert_not_yet_valid", "证书尚未生效").but("has expired or is not yet valid", "expired"),
		cli("cert-expired", TLSCertExpired, "certificate has expired", "certificate expired",
			"cert_has_expired", "has expired or is not yet valid", "certificateexpiredexception",
			"validity check failed", "nottimevalid", "expired_certificate", "证书已过期", "证书过期"),
		cli("cert-hostname", TLSCertHostnameMismatch, "certificate is valid for", "not valid for any names",
			"doesn't contain any ip sans", "hostname mismatch", "doesn't match either of",
			"does not match certificate's altnames", "cert_altname_invalid", "not in the cert's altnames",
			"no subject alternative", "no name matching", "remotecertificatenamemismatch",
			"did not match expected cn", "target principal name is incorrect", "cn name does not match",
			"bad_cert_domain", "host name did not match", "legacy common name field",
			"certificate is only valid for", "hostname/ip does not match", "证书与主机名不符"),
		cli("tls-weak", TLSWeakCrypto, "dh key too small", "dh_key_too_small", "ee key too small",
			"ca md too weak", "key too small", "weak ephemeral diffie-hellman"),
		cli("cert-untrusted", TLSCertUntrusted, "unknown authority", "self signed certificate",
			"self-signed certificate", "self_signed_cert", "unable to get local issuer certificate",
			"unable_to_get_issuer_cert", "unable to verify the first certificate",
			"unable_to_verify_leaf_signature", "pkix path building failed",
			"unable to find valid certification path", "untrustedroot", "partialchain",
			"issuer certificate is unknown", "unknown_issuer", "certificate is not trusted",
			"not trusted by the trust provider", "self_signed_cert_in_chain", "certificate for this server is invalid",
			"证书不受信任"),
		// Port and security mode.
		cli("tls-on-plaintext-port", PortExpectsSTARTTLS, "wrong version number", "wrong_version_number",
			"first record does not look like a tls handshake", "unrecognized ssl message",
			"plaintext connection?", "ssl3_get_record", "packet length too long", "unknown protocol",
			"securesocketoptions.starttls", "unexpected tls packet", "tls packet with unexpected length"),
		cli("plaintext-on-tls-port", PortExpectsTLS, "securesocketoptions.sslonconnect"),
		cli("bad-greeting-tls-port", PortExpectsTLS, "bad greeting", "response: -1").match(`port:? (465|993|995)\b`),
		cli("wrong-protocol", PortWrongProtocol, "is not an imap4 mail server", "不是 imap4 邮件服务器",
			"not an imap server", "not a pop3 server"),
		cli("greeting-bye", ServerBusy, "greeting").match(`greeting\W.{0,40}?\bbye\b`),
		cli("greeting-other-protocol", PortWrongProtocol, "greeting", "welcome message").
			match(`(greeting|welcome message)\W.{0,60}?(\+ok\b|'\+'|\* ok\b|atom: 220\b|\b220[ -][a-z0-9.-]+ e?smtp)`).
			but("[capability"),
		cli("pop3-command-imap-bad", PortWrongProtocol, " bad ").
			match(`(^|[\s'"])(user|pass|apop|capa|stls|stat|retr|uidl|quit) bad `),
		cli("bad-greeting-pop", PortWrongProtocol, "bad greeting").match(`response: [+*] ?ok`),
		// Refused, timed out, reset, closed.
		cli("refused", TCPRefused, "connection refused", "econnrefused", "actively refused",
			"the connection was refused", "连接被拒绝", "时被拒绝", "socket error # 10061", "wsaeconnrefused",
			"ns_error_connection_refused", "0x804b000d"),
		cli("connect-timeout", TCPTimeout, "connection timed out", "connect timed out", "etimedout",
			"connection timeout", "did not properly respond after a period of time", "operation timed out",
			"socket error # 10060", "wsaetimedout", "连接超时", "connect timeout", "ns_error_net_timeout", "0x804b000e"),
		cli("tb-timeout", TCPTimeout, "连接服务器", "timed out").match(`connection to (outgoing )?server.* timed out|连接服务器 .*超时`),
		cli("dial-timeout", TCPTimeout, "dial tcp").and("i/o timeout"),
		cli("reset", TCPReset, "connection reset", "econnreset", "forcibly closed by the remote host",
			"broken pipe", "epipe", "socket error # 10054", "wsaeconnreset", "0x800ccc0f",
			"connection to the server was interrupted", "lost in the middle of the transaction",
			"unexpectedly terminated the connection", "software caused connection abort", "ns_error_net_reset",
			"aborted by the software in your host machine", "wsaeconnaborted", "econnaborted", "连接被重置",
			"连接在传输过程中中断"),
		cli("tls-unexpected-eof", TLSHandshakeFailed, "unexpected eof while reading", "tls_start_servertls() failed"),
		cli("closed", ServerClosed, "unexpected socket close", "connection unexpectedly closed",
			"connection closed unexpectedly", "unexpectedly disconnected", "net_io_connectionclosed",
			"has disconnected", "已经断开连接", "[eof]", "unexpected eof", "closed by remote host",
			"server closed the connection", "connection closed by foreign host", "end of stream",
			"socket closed while reading").
			but("handshake"),
		cli("go-eof", ServerClosed, "eof").match(`(^|[:\s])eof$`),
		cli("bad-greeting", ServerProtocolError, "bad greeting", "incorrect greeting", "short response",
			"malformed response", "invalid response", "unexpected response", "不正确的问候"),
		cli("go-unencrypted", AuthPlaintextRefused, "unencrypted connect"),
		cli("tb-server-busy", ServerBusy, "0x800ccc67", "0x800ccc0b", "server or maildrop is busy"),

		// ---- E. Fallbacks: the fault is clear in kind, not in cause ----
		enh("smtp-enh-5.7.8", AuthFailed, "5.7.8", "4.7.8").gen(),
		cli("cert-verify-failed", TLSCertUntrusted, "certificate verify failed", "certificate_verify_failed",
			"sslcertverificationerror", "remote certificate is invalid", "certificate is invalid",
			"certificate validation", "could not be validated", "x509:", "证书").but("握手错误").gen(),
		// TLS handshake failures that name no cause.
		cli("tls-handshake", TLSHandshakeFailed, "handshake failure", "eof occurred in violation of protocol",
			"unexpected_eof_while_reading", "remote host terminated the handshake",
			"closed connection during handshake", "disconnected before secure tls connection",
			"remote party has closed the transport stream", "could not convert socket to tls",
			"ssl operation failed", "sslhandshakeexception", "unable to establish tls connection",
			"不可忽略的 tls 错误", "ssl handshake failed", "tls handshake", "establish an ssl or tls connection",
			"does not support the connection encryption type", "0x800ccc1a", "unable to connect using ssl",
			"stream_socket_enable_crypto", "sslerror", "ssl routines", "bad record mac", "_error_ssl",
			"handshakefailure", "handshake failed",
			"system.security.authentication.authenticationexception").gen(),
		srv("imap-authenticationfailed", AuthFailed, "[authenticationfailed]").gen(),
		srv("pop3-auth", AuthFailed, "[auth]").gen(),
		srv("auth-generic", AuthFailed, "authentication failed", "authentication unsuccessful",
			"invalid credentials", "username and password not accepted", "incorrect authentication data",
			"login failed", "logon failure", "login fail", "login error", "auth error", "password error",
			"badcredentials", "invalid login", "authentication failure", "incorrect password", "wrong password",
			"password incorrect", "bad password", "invalid password", "password is incorrect",
			"authenticate failed", "authorization failed", "credentials invalid", "login or password", "用户名或密码错误", "账号或密码错误", "密码错误", "认证失败",
			"登录失败", "身份验证失败").gen(),
		cli("client-auth-failed", AuthFailed, "authenticationfailedexception", "smtpauthenticationerror",
			"could not authenticate", "failed to authenticate", "rejected your login", "0x800ccc92",
			"0x800ccc91", "0x800ccc90", "0x800ccc18", "configuration could not be verified",
			"username or password invalid", "unable to authenticate to outgoing server", "eauth",
			"mailkit.security.authenticationexception", "进行认证").gen(),
		cli("tb-login-failed", AuthFailed, "login to server", "sending of password").
			match(`login to server .* failed|sending of password .*did not succeed`).gen(),
		cli("curl-67", AuthFailed, "curl: (67)", "libcurl: (67)", "curl error 67", "curle_login_denied", "login denied").gen(),
		cli("curl-35", TLSHandshakeFailed, "curl: (35)", "curl error 35", "curle_ssl_connect_error").gen(),
		cli("curl-60", TLSCertUntrusted, "curl: (60)", "curl error 60", "curle_peer_failed_verification").gen(),
		cli("curl-28", TCPTimeout, "curl: (28)", "curl error 28", "curle_operation_timedout").gen(),
		cli("curl-7", TCPConnectFailed, "curl: (7)", "curl error 7:", "curle_couldnt_connect").gen(),
		cli("curl-6", DNSNXDomain, "curl: (6)", "curl error 6:", "curle_couldnt_resolve_host").gen(),
		srv("smtp-535", AuthFailed, "535").match(`(^|[\s:>'"(,|])535([ ,-]|\)|$)`).gen(),
		cli("generic-timeout", TCPTimeout, "timed out", "i/o timeout", "超时").gen(),
		cli("client-connect-failed", TCPConnectFailed, "smtp connect() failed", "could not connect to smtp host",
			"couldn't connect to host", "could not connect to host", "mailconnectexception",
			"failed to connect to server", "unable to connect", "cannot connect to your", "0x800ccc0e",
			"0x80042109", "0x80042108", "0x800ccc15", "could not connect to mail server",
			"failed to connect to server", "connecting to outgoing server", "esocket", "econnection",
			"无法连接到服务器", "连接服务器失败", "服务器连接失败", "连接到服务器失败", "无法连接", "connection failed",
			"连接服务器").gen(),
		cli("client-send-failed", SMTPSendFailed, "sending of the message failed", "data not accepted",
			"failure sending mail", "could not be sent using outgoing server", "message failed",
			"消息发送失败", "邮件发送失败", "发送失败", "邮件未能发送", "数据不被接受").gen(),
		srv("imap-alert", IMAPAlert, "[alert]"),
	}
}

// ---- the compiled matcher ----

type matcher struct {
	sigs []*sig
	ac   automaton
	enh  map[string][]int32 // enhanced status code -> signatures anchored on it
}

var (
	matcherOnce sync.Once
	theMatcher  *matcher
)

func getMatcher() *matcher {
	matcherOnce.Do(func() { theMatcher = newMatcher(signatures()) })
	return theMatcher
}

func newMatcher(sigs []*sig) *matcher {
	m := &matcher{sigs: sigs, enh: map[string][]int32{}}
	var pats []string
	var ids []int32
	for i, s := range sigs {
		if len(s.any) == 0 && len(s.enh) == 0 {
			panic("probes: signature " + s.id + " has no anchor")
		}
		for _, p := range s.any {
			if p == "" || p != strings.ToLower(p) {
				panic("probes: signature " + s.id + ": anchor must be non-empty lower case: " + p)
			}
			pats = append(pats, p)
			ids = append(ids, int32(i))
		}
		for _, e := range s.enh {
			m.enh[e] = append(m.enh[e], int32(i))
		}
	}
	m.ac = buildAutomaton(pats, ids)
	return m
}

// scratch is per-call matching state, reused across the lines of one call.
type scratch struct {
	norm []byte
	hits []uint64
}

func (m *matcher) newScratch() *scratch {
	return &scratch{hits: make([]uint64, (len(m.sigs)+63)/64)}
}

// best returns the index of the first signature that holds for line, or -1. Client-side
// signatures are skipped unless clientOK.
func (m *matcher) best(line string, clientOK bool, sc *scratch) int {
	if len(line) > maxMatchLine {
		line = line[:maxMatchLine]
	}
	sc.norm = normalize(sc.norm[:0], line)
	norm := sc.norm
	if len(norm) == 0 {
		return -1
	}
	clear(sc.hits)
	found := m.ac.scan(norm, sc.hits)
	if bytes.IndexByte(norm, '.') >= 0 {
		eachEnhanced(norm, func(code []byte) {
			for _, r := range m.enh[string(code)] {
				sc.hits[r>>6] |= 1 << (uint(r) & 63)
				found = true
			}
		})
	}
	if !found {
		return -1
	}
	for w, word := range sc.hits {
		for word != 0 {
			r := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if m.holds(m.sigs[r], norm, clientOK) {
				return r
			}
		}
	}
	return -1
}

func (m *matcher) holds(s *sig, norm []byte, clientOK bool) bool {
	if s.client && !clientOK {
		return false
	}
	for _, l := range s.all {
		if !bytes.Contains(norm, []byte(l)) {
			return false
		}
	}
	for _, l := range s.not {
		if bytes.Contains(norm, []byte(l)) {
			return false
		}
	}
	if len(s.close) > 0 && !s.nearHolds(norm) {
		return false
	}
	return s.re == nil || s.re.Match(norm)
}

// nearHolds reports whether one of s.close starts within s.within bytes after an anchor.
func (s *sig) nearHolds(norm []byte) bool {
	for _, a := range s.any {
		rest := norm
		for {
			i := bytes.Index(rest, []byte(a))
			if i < 0 {
				break
			}
			rest = rest[i+len(a):]
			win := rest[:min(len(rest), s.within+16)]
			for _, l := range s.close {
				if j := bytes.Index(win, []byte(l)); j >= 0 && j <= s.within {
					return true
				}
			}
		}
	}
	return false
}

// normalize appends to dst the matching form of s: ASCII lower case, runs of white space
// collapsed to one space, trimmed. Non-ASCII bytes are copied unchanged.
func normalize(dst []byte, s string) []byte {
	space := true // drops leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
		space = false
	}
	if n := len(dst); n > 0 && dst[n-1] == ' ' {
		dst = dst[:n-1]
	}
	return dst
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWord(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// eachEnhanced calls fn for every enhanced status code (class 4 or 5, RFC 3463) in b:
// "5.7.9" but not "v5.7.9", "15.7.9", "5.7.9-beta" or the "5.7.9" of "5.7.9.1".
func eachEnhanced(b []byte, fn func(code []byte)) {
	for i := 0; i+4 < len(b); i++ {
		if c := b[i]; c != '4' && c != '5' {
			continue
		}
		if i > 0 && (isWord(b[i-1]) || b[i-1] == '.') {
			continue
		}
		if b[i+1] != '.' {
			continue
		}
		j := i + 2
		n := 0
		for j < len(b) && isDigit(b[j]) && n < 4 {
			j++
			n++
		}
		if n == 0 || n > 3 || j >= len(b) || b[j] != '.' {
			continue
		}
		j++
		n = 0
		for j < len(b) && isDigit(b[j]) && n < 4 {
			j++
			n++
		}
		if n == 0 || n > 3 {
			continue
		}
		if j < len(b) && (isWord(b[j]) || b[j] == '-' || b[j] == '.' && j+1 < len(b) && isDigit(b[j+1])) {
			continue
		}
		fn(b[i:j])
		i = j - 1
	}
}

// firstEnhanced returns the first enhanced status code of b, or "".
func firstEnhanced(b []byte) string {
	out := ""
	eachEnhanced(b, func(c []byte) {
		if out == "" {
			out = string(c)
		}
	})
	return out
}

// ---- Aho-Corasick over byte classes ----

type automaton struct {
	class [256]uint8
	width int
	next  []uint16 // state*width + class -> state
	out   [][]int32
}

func buildAutomaton(pats []string, ids []int32) automaton {
	var a automaton
	// Byte classes: one per byte that occurs in a pattern, 0 for every other byte.
	for _, p := range pats {
		for i := 0; i < len(p); i++ {
			if a.class[p[i]] == 0 {
				a.width++
				if a.width > 255 {
					panic("probes: too many distinct pattern bytes")
				}
				a.class[p[i]] = uint8(a.width)
			}
		}
	}
	a.width++
	type node struct {
		child map[uint8]int32
		fail  int32
		out   []int32
	}
	nodes := []node{{child: map[uint8]int32{}}}
	for k, p := range pats {
		cur := int32(0)
		for i := 0; i < len(p); i++ {
			c := a.class[p[i]]
			nx, ok := nodes[cur].child[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{child: map[uint8]int32{}})
				nodes[cur].child[c] = nx
			}
			cur = nx
		}
		nodes[cur].out = append(nodes[cur].out, ids[k])
	}
	if len(nodes) > 1<<16 {
		panic("probes: signature automaton too large")
	}
	// Breadth-first: fail links and the dense transition table.
	a.next = make([]uint16, len(nodes)*a.width)
	a.out = make([][]int32, len(nodes))
	order := make([]int32, 0, len(nodes))
	order = append(order, 0)
	for q := 0; q < len(order); q++ {
		u := order[q]
		for c := 0; c < a.width; c++ {
			v, ok := nodes[u].child[uint8(c)]
			if !ok {
				if u != 0 {
					a.next[int(u)*a.width+c] = a.next[int(nodes[u].fail)*a.width+c]
				}
				continue
			}
			if u != 0 {
				nodes[v].fail = int32(a.next[int(nodes[u].fail)*a.width+c])
			}
			a.next[int(u)*a.width+c] = uint16(v)
			order = append(order, v)
		}
	}
	for _, u := range order {
		o := append([]int32(nil), nodes[u].out...)
		if u != 0 {
			o = append(o, a.out[nodes[u].fail]...)
		}
		if len(o) > 0 {
			sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
			k := 0
			for i := range o {
				if i == 0 || o[i] != o[i-1] {
					o[k] = o[i]
					k++
				}
			}
			a.out[u] = o[:k]
		}
	}
	return a
}

// scan marks in hits every signature anchored by a literal that occurs in b.
func (a *automaton) scan(b []byte, hits []uint64) bool {
	found := false
	st, w := 0, a.width
	for _, c := range b {
		st = int(a.next[st*w+int(a.class[c])])
		if o := a.out[st]; o != nil {
			for _, r := range o {
				hits[r>>6] |= 1 << (uint(r) & 63)
			}
			found = true
		}
	}
	return found
}

// ---- public API ----

// MatchText classifies any text: a server reply (possibly multi-line), a client-library error, a
// pasted log with many lines. It returns every distinct code found, most specific first, each with
// the line that matched. Empty when nothing matches.
func MatchText(text string) []Match {
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	if !utf8.ValidString(text) {
		text = DecodeText([]byte(text))
	}
	m := getMatcher()
	sc := m.newScratch()
	byCode := map[Code]hit{}
	add := func(r int, evidence string) {
		c := m.sigs[r].code
		if h, ok := byCode[c]; !ok || r < h.rule {
			byCode[c] = hit{rule: r, evidence: printable(evidence)}
		}
	}
	oauth := false // the log shows an OAuth2 SASL exchange (AUTH XOAUTH2, auth=Bearer)
	var prevTail string
	forEachLogical(text, func(line string) {
		line = expandBase64JSON(unescapeHex(line))
		r := m.best(line, true, sc)
		if r >= 0 {
			add(r, line)
		}
		if !oauth {
			for _, l := range oauthExchange {
				if bytes.Contains(sc.norm, []byte(l)) {
					oauth = true
					break
				}
			}
		}
		// A wrapped line ("... cannot find your reverse" / "hostname, [...]"): match the seam of
		// the previous line's end and this line's start, so an anchor split by the wrap still holds.
		head := line
		if len(head) > seamBytes {
			head = head[:seamBytes]
		}
		if prevTail != "" {
			seam := prevTail + " " + head
			if rs := m.best(seam, true, sc); rs >= 0 && (r < 0 || rs < r) {
				add(rs, seam)
			}
		}
		prevTail = line
		if len(prevTail) > seamBytes {
			prevTail = prevTail[len(prevTail)-seamBytes:]
		}
	})
	if len(byCode) == 0 {
		return nil
	}
	// A generic login failure during an OAuth2 login is a refused token, not a wrong password.
	if h, ok := byCode[AuthFailed]; ok && oauth {
		if _, dup := byCode[AuthOAuthFailed]; !dup {
			byCode[AuthOAuthFailed] = hit{rule: h.rule, evidence: h.evidence, code: AuthOAuthFailed, id: "oauth-context"}
		}
		delete(byCode, AuthFailed)
	}
	hits := make([]hit, 0, len(byCode))
	for _, h := range byCode {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].rule < hits[j].rule })
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		s := m.sigs[h.rule]
		if h.code != "" {
			out = append(out, Match{Code: h.code, Evidence: h.evidence, Rule: h.id})
			continue
		}
		if s.generic && explained(s.code, hits, m) {
			continue
		}
		out = append(out, Match{Code: s.code, Evidence: h.evidence, Rule: s.id})
	}
	return out
}

// oauthExchange are the literals of an OAuth2 SASL login in a pasted log: the command (not a
// list of offered mechanisms) or the bearer token it carries.
var oauthExchange = []string{"auth xoauth2", "authenticate xoauth2", "auth oauthbearer", "authenticate oauthbearer",
	"auth=bearer", "saslmechanismoauth2", "authenticator xoauth2", "authenticator oauthbearer"}

// hit is the best signature a code matched, with its evidence.
type hit struct {
	rule     int
	evidence string
	code     Code   // set when context overrides the signature's code
	id       string // the rule name reported with code
}

// explained reports whether a generic code is made redundant by a specific code among hits.
func explained(generic Code, hits []hit, m *matcher) bool {
	for _, h := range hits {
		s := m.sigs[h.rule]
		if !s.generic && s.code != generic && explains(s.code, generic) {
			return true
		}
	}
	return false
}

// family groups codes whose generic fallbacks a specific code of the same family makes redundant.
func family(c Code) string {
	area := string(c)
	if i := strings.IndexByte(area, '.'); i >= 0 {
		area = area[:i]
	}
	switch area {
	case "dns", "tcp", "net", "server", "port", "probe":
		return "conn"
	}
	if c == IMAPIDRequired {
		return "auth"
	}
	return area
}

// explains reports whether specific code s makes generic code g redundant.
func explains(s, g Code) bool {
	fs, fg := family(s), family(g)
	switch fg {
	case "conn", "tls":
		return fs == "conn" || fs == "tls"
	case "auth":
		return fs == "auth" || s == TLSRequired
	case "smtp": // smtp.send-failed: any specific cause explains a failed send
		return true
	}
	return fs == fg
}

// MatchReply classifies one server reply for a known protocol and phase ("greeting", "ehlo", "starttls",
// "auth", "mail", "rcpt", "select", "pass", "user"...). It returns the single best code and true, or false
// if no signature applies (the caller then falls back to a generic code such as auth.failed).
func MatchReply(proto string, phase string, lines []string) (Code, bool) {
	if len(lines) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, l := range lines {
		if b.Len() >= maxMatchLine {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.TrimSpace(l))
	}
	text := b.String()
	if !utf8.ValidString(text) {
		text = DecodeText([]byte(text))
	}
	text = expandBase64JSON(text)
	m := getMatcher()
	sc := m.newScratch()
	if r := m.best(text, false, sc); r >= 0 {
		return m.sigs[r].code, true
	}
	return phaseFallback(proto, strings.ToLower(phase), sc.norm)
}

// phaseFallback maps a reply no signature recognised by its reply code and the phase it
// answered, where the pair is unambiguous.
func phaseFallback(proto string, phase string, norm []byte) (Code, bool) {
	switch proto {
	case "smtp":
		code, _, ok := replyPrefix(string(norm))
		if !ok {
			return "", false
		}
		if code == "421" {
			return ServerBusy, true
		}
		switch phase {
		case "greeting", "connect", "banner":
			switch code[0] {
			case '4':
				return ServerBusy, true
			case '5':
				return SMTPIPBlocked, true
			}
		case "ehlo", "helo":
			if code[0] == '5' {
				return SMTPHELORejected, true
			}
		case "starttls", "tls":
			if code[0] == '4' || code[0] == '5' {
				return TLSSTARTTLSUnavailable, true
			}
		case "auth", "login":
			switch code {
			case "535":
				return AuthFailed, true
			case "534", "504":
				return AuthMechanismUnsupported, true
			case "530", "538":
				return TLSRequired, true
			case "500", "502", "503":
				return SMTPAuthNotOffered, true
			}
			if code[0] == '4' {
				return ServerBusy, true
			}
		case "mail", "mail from", "from":
			switch code {
			case "530":
				return SMTPAuthRequired, true
			case "552":
				return SMTPMessageTooLarge, true
			case "503": // RFC 5321 4.3.2: MAIL out of order (Exim "503 sender already given")
				return SMTPBadSequence, true
			}
		case "rcpt", "rcpt to", "to":
			switch code {
			case "530":
				return SMTPAuthRequired, true
			case "450", "451":
				return SMTPGreylisted, true
			case "503": // RCPT without an accepted MAIL (Exim "503 sender not yet given")
				return SMTPBadSequence, true
			}
		case "data", "dot", "message", "body":
			switch code {
			case "552":
				return SMTPMessageTooLarge, true
			case "554":
				return SMTPSpamRejected, true
			case "503": // DATA without an accepted RCPT (Exim "503 valid RCPT command must precede DATA")
				return SMTPBadSequence, true
			}
		}
	case "pop3":
		if !bytes.HasPrefix(norm, []byte("-err")) {
			return "", false
		}
		switch phase {
		case "greeting", "connect", "banner":
			return ServerBusy, true
		case "stls", "starttls", "tls":
			return TLSSTARTTLSUnavailable, true
		}
	case "imap":
		status := imapStatus(norm)
		switch phase {
		case "greeting", "connect", "banner":
			if status == "bye" || status == "no" {
				return ServerBusy, true
			}
		case "starttls", "tls":
			if status == "no" || status == "bad" {
				return TLSSTARTTLSUnavailable, true
			}
		}
	}
	return "", false
}

// imapStatus returns "ok", "no", "bad", "bye" or "preauth" for an IMAP status response
// ("* BYE ...", "a1 NO ..."), or "".
func imapStatus(norm []byte) string {
	sp := bytes.IndexByte(norm, ' ')
	if sp <= 0 || sp > 32 {
		return ""
	}
	// The tag is "*" or a client tag such as a1, A0001, 3 (letters, digits, dots, one digit at
	// least); a three-digit 2xx-5xx "tag" is an SMTP reply code.
	tag := norm[:sp]
	if len(tag) == 3 && tag[0] >= '2' && tag[0] <= '5' && isDigit(tag[1]) && isDigit(tag[2]) {
		return ""
	}
	if !(len(tag) == 1 && tag[0] == '*') {
		digit := false
		for _, c := range tag {
			if !isWord(c) && c != '.' {
				return ""
			}
			digit = digit || isDigit(c)
		}
		if !digit {
			return ""
		}
	}
	rest := norm[sp+1:]
	for _, s := range []string{"ok", "no", "bad", "bye", "preauth"} {
		if bytes.HasPrefix(rest, []byte(s)) && (len(rest) == len(s) || rest[len(s)] == ' ' || rest[len(s)] == '[') {
			return s
		}
	}
	return ""
}

// replyPrefix finds the SMTP reply code at the start of line, after an optional log prefix such
// as "S:", "<<" or "SERVER -> CLIENT:", and whether the line is a continuation ("250-...").
func replyPrefix(line string) (code string, cont, ok bool) {
	limit := min(len(line), 48)
	for i := 0; i+3 <= limit; i++ {
		// At the start, after a quote or bracket, or after a log prefix ending in ":", ">", "<" or "]"
		// and a space ("S: 250", "SERVER -> CLIENT: 250", "<< 250") — not inside "::1:587".
		if i > 0 && !replyLead(line[i-1]) && !(line[i-1] == ' ' && (i == 1 || logPrefixEnd(line[i-2]))) {
			continue
		}
		if line[i] < '2' || line[i] > '5' || !isDigit(line[i+1]) || !isDigit(line[i+2]) {
			continue
		}
		if i+3 < len(line) && line[i+3] != ' ' && line[i+3] != '-' {
			continue
		}
		return line[i : i+3], i+3 < len(line) && line[i+3] == '-', true
	}
	return "", false, false
}

func replyLead(c byte) bool    { return c == '\'' || c == '"' || c == '(' || c == '>' || c == '\t' }
func logPrefixEnd(c byte) bool { return c == ':' || c == '>' || c == '<' || c == ']' || c == ')' }

// forEachLogical calls fn for every non-empty line of text, joining the lines of a multi-line
// SMTP reply ("534-5.7.9 ...", "534 5.7.9 ...") into one.
func forEachLogical(text string, fn func(line string)) {
	var grp []string
	grpCode := ""
	flush := func() {
		if len(grp) > 0 {
			fn(strings.Join(grp, " "))
			grp = grp[:0]
		}
	}
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		code, cont, ok := replyPrefix(t)
		if len(grp) > 0 {
			if ok && code == grpCode && len(grp) < maxGroupLines {
				grp = append(grp, t)
				if !cont {
					flush()
				}
				continue
			}
			flush()
		}
		if ok && cont {
			grp = append(grp, t)
			grpCode = code
			continue
		}
		fn(t)
	}
	flush()
}

// printable trims s, replaces control characters and invalid bytes, and caps its length.
func printable(s string) string {
	s = strings.TrimSpace(s)
	cut := false
	if len(s) > maxEvidence {
		s = s[:maxEvidence]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if len(s) > 0 {
			s = s[:len(s)-1] // the last rune may be incomplete; drop it
		}
		cut = true
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteByte('?')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// ReplyClass describes the reply-code family of a line when nothing matched (e.g. "5.7.x: security or policy",
// "4xx: temporary failure", "POP3 -ERR"), for honest "closest class" output. "" if none.
func ReplyClass(text string) string {
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	var norm []byte
	out := ""
	forEachLogical(text, func(line string) {
		if out != "" {
			return
		}
		if len(line) > maxMatchLine {
			line = line[:maxMatchLine]
		}
		norm = normalize(norm[:0], line)
		out = lineClass(norm)
	})
	return out
}

var enhancedSubject = map[byte]string{
	'0': "other or undefined status",
	'1': "addressing (sender or recipient address)",
	'2': "mailbox status",
	'3': "mail system status",
	'4': "network or routing",
	'5': "mail delivery protocol",
	'6': "message content or media",
	'7': "security or policy",
}

var imapCodeClass = map[string]string{
	"authenticationfailed": "authentication failed (RFC 5530)",
	"authorizationfailed":  "authenticated but not authorised (RFC 5530)",
	"expired":              "password or account expired (RFC 5530)",
	"privacyrequired":      "encryption required (RFC 5530)",
	"contactadmin":         "administrator action needed (RFC 5530)",
	"unavailable":          "temporary server failure (RFC 5530)",
	"noperm":               "no permission for this mailbox (RFC 5530)",
	"inuse":                "object in use by another session (RFC 5530)",
	"limit":                "a server limit was hit (RFC 5530)",
	"overquota":            "mailbox over quota (RFC 5530)",
	"nonexistent":          "mailbox does not exist (RFC 5530)",
	"alreadyexists":        "mailbox already exists (RFC 5530)",
	"serverbug":            "server bug (RFC 5530)",
	"clientbug":            "client bug (RFC 5530)",
	"cannot":               "operation not possible (RFC 5530)",
	"corruption":           "server data corrupt (RFC 5530)",
	"alert":                "alert for the user (RFC 9051)",
	"webalert":             "web sign-in needed (Gmail)",
}

var pop3CodeClass = map[string]string{
	"auth":        "authentication failed (RFC 3206)",
	"sys/temp":    "temporary server problem (RFC 3206)",
	"sys/perm":    "permanent server problem (RFC 3206)",
	"in-use":      "mailbox in use by another session (RFC 2449)",
	"login-delay": "logging in too often (RFC 2449)",
}

// lineClass is ReplyClass for one normalised line.
func lineClass(norm []byte) string {
	if e := firstEnhanced(norm); e != "" {
		kind := "temporary failure"
		if e[0] == '5' {
			kind = "permanent failure"
		}
		subj := e[2 : strings.IndexByte(e[2:], '.')+2]
		name := enhancedSubject[subj[0]]
		if len(subj) != 1 || name == "" {
			name = "unregistered subject"
		}
		return e[:1] + "." + subj + ".x: " + name + " (" + kind + ")"
	}
	if i := bytes.Index(norm, []byte("-err")); i >= 0 && (i == 0 || norm[i-1] == ' ' || norm[i-1] == '\'' || norm[i-1] == '"') {
		rest := norm[i+4:]
		if j := bytes.IndexByte(rest, '['); j >= 0 && j <= 1 {
			if k := bytes.IndexByte(rest[j:], ']'); k > 0 {
				rc := string(rest[j+1 : j+k])
				if d, ok := pop3CodeClass[rc]; ok {
					return "POP3 -ERR [" + strings.ToUpper(rc) + "]: " + d
				}
			}
		}
		return "POP3 -ERR: command refused"
	}
	if bytes.HasPrefix(norm, []byte("+ok")) {
		return "POP3 +OK: success"
	}
	if st := imapStatus(norm); st != "" {
		rest := norm[bytes.IndexByte(norm, ' ')+1+len(st):]
		rest = bytes.TrimLeft(rest, " ")
		if len(rest) > 0 && rest[0] == '[' {
			end := bytes.IndexAny(rest, "] ")
			if end > 1 {
				rc := string(rest[1:end])
				if d, ok := imapCodeClass[rc]; ok {
					return "IMAP " + strings.ToUpper(st) + " [" + strings.ToUpper(rc) + "]: " + d
				}
			}
		}
		switch st {
		case "no":
			return "IMAP NO: command refused"
		case "bad":
			return "IMAP BAD: command not understood (protocol error)"
		case "bye":
			return "IMAP BYE: server is closing the connection"
		case "ok":
			return "IMAP OK: success"
		case "preauth":
			return "IMAP PREAUTH: already logged in"
		}
	}
	if code, _, ok := replyPrefix(string(norm)); ok {
		switch code {
		case "421":
			return "421: service not available, server closing the connection (temporary)"
		case "530":
			return "530: authentication or encryption required"
		case "534":
			return "534: authentication mechanism too weak"
		case "535":
			return "535: authentication credentials invalid"
		case "538":
			return "538: encryption required for this authentication mechanism"
		case "550":
			return "550: requested action not taken (mailbox unavailable or policy)"
		case "553":
			return "553: mailbox name not allowed (address rejected)"
		case "554":
			return "554: transaction failed or connection rejected (policy)"
		}
		switch code[0] {
		case '2':
			return "2xx: success"
		case '3':
			return "3xx: intermediate reply, more input expected"
		case '4':
			return "4xx: temporary failure, retry later"
		case '5':
			return "5xx: permanent failure"
		}
	}
	return ""
}

// ---- text decoding ----

// expandBase64JSON appends the decoded form of a base64 JSON object in the line (an OAuth2
// error challenge: "334 eyJzdGF0dXMiOiI0MDEi…" is {"status":"401",…}), so signatures can read
// what the server said. At most one object, of at most 1 KiB; the line is otherwise unchanged.
func expandBase64JSON(line string) string {
	i := strings.Index(line, "eyJ") // base64 of `{"`
	if i < 0 {
		return line
	}
	j := i
	for j < len(line) && j-i < 1400 && isBase64Byte(line[j]) {
		j++
	}
	if j-i < 16 {
		return line
	}
	enc := strings.TrimRight(line[i:j], "=")
	var raw []byte
	var err error
	if strings.ContainsAny(enc, "-_") {
		raw, err = base64.RawURLEncoding.DecodeString(enc)
	} else {
		raw, err = base64.RawStdEncoding.DecodeString(enc)
	}
	if err != nil || len(raw) > 1024 || !json.Valid(raw) || raw[0] != '{' {
		return line
	}
	var compact bytes.Buffer
	if json.Compact(&compact, raw) != nil {
		return line
	}
	return line + " (decoded: " + compact.String() + ")"
}

func isBase64Byte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'
}

// unescapeHex turns a line that shows raw bytes as \xNN escapes (Python 2 and bytes reprs of a
// GBK reply: "535 Error: \xc7\xeb\xca\xb9...") back into text, when the bytes decode as UTF-8
// or as plausible GB18030 Chinese; otherwise, or with fewer than two escapes, the line is
// returned unchanged. One pass, output no longer than the input.
func unescapeHex(line string) string {
	if strings.Count(line, `\x`) < 2 {
		return line
	}
	buf := make([]byte, 0, len(line))
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+3 < len(line) && line[i+1] == 'x' && isHex(line[i+2]) && isHex(line[i+3]) {
			buf = append(buf, unhex(line[i+2])<<4|unhex(line[i+3]))
			i += 3
			n++
			continue
		}
		buf = append(buf, line[i])
	}
	if n < 2 {
		return line
	}
	if utf8.Valid(buf) {
		return string(buf)
	}
	if s, ok := decodeGB18030(buf); ok {
		return s
	}
	return line
}

func isHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// DecodeText turns raw reply bytes into UTF-8: valid UTF-8 stays, otherwise GB18030/GBK is tried
// (QQ/NetEase send Chinese that way), else bytes are escaped. Never returns mojibake for GBK input.
// Each line is decoded on its own, so a log mixing UTF-8 and GBK lines comes out right. Control
// characters other than tab, CR and LF are escaped as \xNN, as are bytes that fit no encoding.
// At most 1 MiB of input is read.
func DecodeText(b []byte) string {
	if len(b) > maxMatchInput {
		b = b[:maxMatchInput]
	}
	if utf8.Valid(b) && !hasControl(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		switch {
		case utf8.Valid(line):
			writeEscaped(&sb, line)
		default:
			if s, ok := decodeGB18030(line); ok {
				writeEscaped(&sb, []byte(s))
			} else {
				writeEscaped(&sb, line)
			}
		}
	}
	return sb.String()
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f {
			return true
		}
	}
	return false
}

// writeEscaped writes b, escaping invalid UTF-8 bytes and control characters as \xNN.
func writeEscaped(sb *strings.Builder, b []byte) {
	const hex = "0123456789abcdef"
	esc := func(c byte) {
		sb.WriteString(`\x`)
		sb.WriteByte(hex[c>>4])
		sb.WriteByte(hex[c&15])
	}
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			esc(b[0])
		case r < 0x20 && r != '\t' && r != '\r' && r != '\n' || r == 0x7f:
			esc(byte(r))
		default:
			sb.Write(b[:n])
		}
		b = b[n:]
	}
}

// decodeGB18030 decodes b as GB18030 (a superset of GBK and GB2312) and accepts the result only
// if every non-ASCII character is one Chinese text plausibly contains, so Latin-1 or binary input
// is not turned into mojibake.
func decodeGB18030(b []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", false
	}
	for _, r := range string(out) {
		if r < 0x80 {
			continue
		}
		if r == utf8.RuneError || !plausibleChinese(r) {
			return "", false
		}
	}
	return string(out), true
}

func plausibleChinese(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303f, // CJK symbols and punctuation
		r >= 0xff00 && r <= 0xffef, // full-width forms
		r >= 0x2000 && r <= 0x206f, // general punctuation: “” … —
		r >= 0x2100 && r <= 0x22ff, // letter-like symbols, arrows, maths: ℃ № →
		r >= 0x2460 && r <= 0x27bf, // enclosed numbers, box drawing, shapes, ★
		r >= 0x3040 && r <= 0x30ff, // kana
		r >= 0x3200 && r <= 0x33ff, // enclosed CJK, CJK compatibility
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0x0391 && r <= 0x03c9, // Greek (in GB2312)
		r >= 0x0401 && r <= 0x0451, // Cyrillic (in GB2312)
		r == 0xa4 || r == 0xa7 || r == 0xa8 || r == 0xb0 || r == 0xb1 || r == 0xb7 || r == 0xd7 || r == 0xf7,
		r >= 0xe0 && r <= 0xfc && strings.ContainsRune("àáèéêìíòóùúüāēěīōūǎǐǒǔǖǘǚǜ", r), // pinyin
		r >= 0x0100 && r <= 0x01dc && strings.ContainsRune("āēěīōūǎǐǒǔǖǘǚǜ", r):
		return true
	}
	return false
}
