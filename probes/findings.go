package probes

// Codes of the knowledge base beyond codes.go: causes the matcher recognises in server replies,
// client-library errors and pasted logs. Same rules as the stable core: once shipped, a code
// keeps its meaning.
const (
	CodeDNSNoAddress             Code = "dns.no-address"
	CodeTCPConnectFailed         Code = "tcp.connect-failed"
	CodeNetIPv6Unreachable       Code = "net.ipv6-unreachable"
	CodeServerResponseTimeout    Code = "server.response-timeout"
	CodePortWrongProtocol        Code = "port.wrong-protocol"
	CodeTLSWeakCrypto            Code = "tls.weak-crypto"
	CodeTLSCertRevoked           Code = "tls.cert-revoked"
	CodeSMTPAuthRequired         Code = "smtp.auth-required"
	CodeSMTPHeloRejected         Code = "smtp.helo-rejected"
	CodeSMTPMessageTooLarge      Code = "smtp.message-too-large"
	CodeSMTPSendingLimit         Code = "smtp.sending-limit"
	CodeSMTPSpamRejected         Code = "smtp.spam-rejected"
	CodeSMTPRecipientUnknown     Code = "smtp.recipient-unknown"
	CodeSMTPRecipientMailboxFull Code = "smtp.recipient-mailbox-full"
	CodeSMTPGreylisted           Code = "smtp.greylisted"
	CodeSMTPIPBlocked            Code = "smtp.ip-blocked"
	CodeSMTPSendingBlocked       Code = "smtp.sending-blocked"
	CodeSMTPSPFDMARCRejected     Code = "smtp.spf-dmarc-rejected"
	CodeSMTPSendFailed           Code = "smtp.send-failed"
	CodeSMTPSenderInvalid        Code = "smtp.sender-invalid"
	CodePOP3SysPerm              Code = "pop3.sys-perm"
	CodeIMAPAlert                Code = "imap.alert"
	CodeIMAPNonexistentMailbox   Code = "imap.nonexistent-mailbox"
	CodeIMAPOverQuota            Code = "imap.over-quota"
	CodeIMAPContactAdmin         Code = "imap.contact-admin"
	CodeAuthPasswordExpired      Code = "auth.password-expired"
	CodeAuthAuthorizationFailed  Code = "auth.authorization-failed"
	CodeAuthUsernameFormat       Code = "auth.username-format"
	CodeAuthAccountLocked        Code = "auth.account-locked"
	CodeAuthIPDenied             Code = "auth.ip-denied"
	CodeAuthUserUnknown          Code = "auth.user-unknown"
	CodeAuthWrongServer          Code = "auth.wrong-server"
	CodeAuthCredentialsMissing   Code = "auth.credentials-missing"
	CodeAuthOAuthFailed          Code = "auth.oauth-failed"
	CodeAuthSubscriptionExpired  Code = "auth.subscription-expired"
)

// ProviderKeys lists the provider keys a ProviderFix may use (the providers database's keys).
var ProviderKeys = []string{"qq", "exmail", "163", "126", "yeah", "netease-qiye", "sina", "sohu", "139",
	"189", "aliyun", "gmail", "google-workspace", "outlook", "microsoft365", "yahoo", "aol", "icloud",
	"yandex", "mail.ru", "gmx", "zoho", "tom"}

// authCodeFixes say where each provider that wants a client authorization code (授权码) makes one.
var authCodeFixes = map[string]Text{
	"qq":           fixQQAuthCode,
	"exmail":       fixExmailAuthCode,
	"163":          netease("163.com"),
	"126":          netease("126.com"),
	"yeah":         netease("yeah.net"),
	"netease-qiye": fixNeteaseQiyeAuthCode,
	"sina":         fixSinaAuthCode,
	"sohu":         fixSohuAuthCode,
	"139":          fix139AuthCode,
	"189":          fix189AuthCode,
	"aliyun":       fixAliyunAuthCode,
	"tom":          fixTomAuthCode,
}

// appPasswordFixes say where each provider that wants an app password (or OAuth2) makes one.
var appPasswordFixes = map[string]Text{
	"gmail":            fixGmailAppPassword,
	"google-workspace": fixWorkspaceAppPassword,
	"yahoo":            fixYahooAppPassword,
	"aol":              fixAOLAppPassword,
	"icloud":           fixICloudAppPassword,
	"yandex":           fixYandexAppPassword,
	"mail.ru":          fixMailRuAppPassword,
	"zoho":             fixZohoAppPassword,
	"gmx":              fixGMXAppPassword,
	"outlook":          fixOutlookOAuth,
	"microsoft365":     fixM365OAuth,
}

// mergeFixes joins provider-fix tables; later ones win on a shared key.
func mergeFixes(tables ...map[string]Text) map[string]Text {
	out := map[string]Text{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

func tx(en, zh string) Text { return Text{EN: en, ZH: zh} }

// Provider-specific instructions shared by several codes.
var (
	fixQQAuthCode = tx(
		"QQ Mail: sign in at mail.qq.com → Settings → Account (new layout: Account & Security → Security settings), "+
			"find \"POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV service\", switch on IMAP/SMTP (and POP3/SMTP if you use POP), "+
			"complete the SMS or WeChat check and copy the 16-letter authorization code into the mail app's password field. "+
			"Servers: imap.qq.com 993 SSL, pop.qq.com 995 SSL, smtp.qq.com 465 SSL. Changing the QQ password revokes every code.",
		"QQ 邮箱：登录 mail.qq.com → 设置 → 账户（新版为“账号与安全 → 安全设置”），找到“POP3/IMAP/SMTP/Exchange/CardDAV/CalDAV服务”，"+
			"开启 IMAP/SMTP 服务（用 POP 收信的同时开启 POP3/SMTP），按提示完成短信或微信验证，把生成的 16 位授权码填到客户端的“密码”栏。"+
			"服务器：imap.qq.com 993（SSL）、pop.qq.com 995（SSL）、smtp.qq.com 465（SSL）。修改 QQ 密码后所有授权码都会失效，需要重新生成。")
	fixExmailAuthCode = tx(
		"Tencent Exmail: if \"secure login\" (WeChat dynamic password) is on, open web mail → Settings → Account → "+
			"Client-specific password, generate one and use it as the password. Also switch on IMAP/SMTP under Settings → "+
			"收发信设置, and ask the administrator to include you in the IMAP/SMTP service scope. "+
			"Servers: imap.exmail.qq.com 993 SSL, smtp.exmail.qq.com 465 SSL.",
		"腾讯企业邮：如果开启了“安全登录”（微信动态密码），请在网页版 设置 → 账户 → 客户端专用密码 中生成一个，用它代替登录密码；"+
			"同时在 设置 → 收发信设置 中开启 IMAP/SMTP 服务，并请管理员确认你在 IMAP/SMTP 服务的开通范围内。"+
			"服务器：imap.exmail.qq.com 993（SSL）、smtp.exmail.qq.com 465（SSL）。")
	fixNeteaseQiyeAuthCode = tx(
		"NetEase Enterprise Mail: web mail → Settings → Client settings (客户端设置): switch on POP/IMAP/SMTP; if the "+
			"administrator requires a client authorization password, generate it on the same page (a bound mobile number is "+
			"needed) and use it as the password. Use the server names shown on that page (e.g. imaphz.qiye.163.com / "+
			"smtphz.qiye.163.com, SSL 993/465).",
		"网易企业邮箱：网页版 → 设置 → 客户端设置，开启 POP/IMAP/SMTP 服务；如管理员要求使用“客户端授权密码”，在同一页面生成授权码"+
			"（需先绑定手机号），用它代替登录密码。服务器地址以该页面显示为准（例如 imaphz.qiye.163.com / smtphz.qiye.163.com，SSL 993/465）。")
	fixSinaAuthCode = tx(
		"Sina Mail: sign in at mail.sina.com.cn → Settings → Client POP/IMAP/SMTP, switch on the IMAP4/SMTP (or POP3/SMTP) "+
			"service, verify by SMS and use the authorization code you receive as the password. "+
			"Servers: imap.sina.com 993 SSL, smtp.sina.com 465 SSL.",
		"新浪邮箱：登录 mail.sina.com.cn → 设置 → 客户端 POP/IMAP/SMTP，开启 IMAP4/SMTP（或 POP3/SMTP）服务，短信验证后获取授权码，"+
			"用授权码代替登录密码。服务器：imap.sina.com 993（SSL）、smtp.sina.com 465（SSL）。")
	fixSohuAuthCode = tx(
		"Sohu Mail: web mail → Settings → POP3/SMTP/IMAP, switch the service on and verify by SMS; Sohu then shows an "+
			"\"independent password\" once — save it and use it as the password. If you enabled the IP whitelist, logins from "+
			"other addresses fail. Servers: imap.sohu.com 993 SSL, smtp.sohu.com 465 SSL.",
		"搜狐邮箱：网页版 → 设置 → POP3/SMTP/IMAP，开启服务并完成短信验证，系统会生成一个“独立密码”（只显示一次，请立即保存），"+
			"用它代替登录密码。如果开启了 IP 白名单，其他 IP 的登录会失败。服务器：imap.sohu.com 993（SSL）、smtp.sohu.com 465（SSL）。")
	fix139AuthCode = tx(
		"139 Mail: web mail → Settings → Client settings (POP3/SMTP/IMAP), switch the service on and get the authorization "+
			"code; use it as the password. Servers: imap.139.com 993 SSL, smtp.139.com 465 SSL.",
		"139 邮箱：网页版 → 设置 → 客户端设置（POP3/SMTP/IMAP），开启服务并获取授权码，用授权码代替登录密码。"+
			"服务器：imap.139.com 993（SSL）、smtp.139.com 465（SSL）。")
	fix189AuthCode = tx(
		"189 Mail: web mail → Settings → POP3/SMTP/IMAP, switch client access on; if the page offers an authorization code, "+
			"use it as the password. Servers: imap.189.cn 993 SSL, smtp.189.cn 465 SSL.",
		"189 邮箱：网页版 → 设置 → POP3/SMTP/IMAP，开启客户端访问；如页面提供授权码，请用授权码代替登录密码。"+
			"服务器：imap.189.cn 993（SSL）、smtp.189.cn 465（SSL）。")
	fixAliyunAuthCode = tx(
		"Aliyun Mail: web mail → Settings → Account & Security (client settings): switch on POP3/SMTP and IMAP/SMTP; if a "+
			"third-party client security password is enabled, generate it and use it as the password. Alibaba enterprise mail "+
			"blocks third-party clients by default: the postmaster must allow them under Security → Account security policy. "+
			"Servers: imap.aliyun.com 993, smtp.aliyun.com 465 (enterprise: imap/smtp.qiye.aliyun.com).",
		"阿里邮箱：网页版 → 设置 → 账户与安全（客户端设置），开启 POP3/SMTP、IMAP/SMTP 服务；如启用了“三方客户端安全密码”，"+
			"生成后用它代替登录密码。阿里企业邮箱默认禁止三方客户端，需管理员在 管理后台 → 安全 → 账号安全策略 中放行。"+
			"服务器：imap.aliyun.com 993、smtp.aliyun.com 465（企业版为 imap/smtp.qiye.aliyun.com）。")
	fixTomAuthCode = tx(
		"TOM Mail: web mail → Settings → POP3/SMTP, switch the service on and set the client password the page asks for. "+
			"Servers: pop.tom.com, smtp.tom.com — TOM's SSL ports are unconfirmed, so let mailcheck probe them first.",
		"TOM 邮箱：网页版 → 设置 → POP3/SMTP，开启服务，按页面提示设置客户端密码。服务器：pop.tom.com、smtp.tom.com；"+
			"TOM 是否支持 SSL 端口尚未确认，请先用 mailcheck 探测。")

	fixGmailAppPassword = tx(
		"Gmail: turn on 2-Step Verification (myaccount.google.com → Security), then create an app password at "+
			"myaccount.google.com/apppasswords and paste its 16 characters (without spaces) as the password; the user name is "+
			"your full Gmail address. Or use a mail app that signs in with Google (OAuth2). Changing the Google password "+
			"revokes app passwords. Servers: imap.gmail.com 993 SSL, smtp.gmail.com 465 SSL or 587 STARTTLS.",
		"Gmail：先开启两步验证（myaccount.google.com → 安全性），再到 myaccount.google.com/apppasswords 生成应用专用密码，"+
			"把这 16 位字符（不含空格）填入密码栏，用户名为完整 Gmail 地址；也可以使用支持“用 Google 账号登录”（OAuth2）的客户端。"+
			"修改 Google 密码后应用专用密码会失效。服务器：imap.gmail.com 993（SSL）、smtp.gmail.com 465（SSL）或 587（STARTTLS）。")
	fixWorkspaceAppPassword = tx(
		"Google Workspace: password sign-in for mail apps is off. Use an app password (2-Step Verification required; if "+
			"myaccount.google.com/apppasswords is unavailable, your administrator has disabled app passwords) or a mail app with "+
			"Google sign-in (OAuth2). The administrator must also allow IMAP/POP in the Admin console.",
		"Google Workspace：已不允许邮件客户端使用账号密码登录。请使用应用专用密码（需开启两步验证；如果 myaccount.google.com/apppasswords "+
			"打不开，说明管理员禁用了应用专用密码），或使用支持 Google 登录（OAuth2）的客户端；管理员还需在管理控制台中允许 IMAP/POP。")
	fixYahooAppPassword = tx(
		"Yahoo Mail: Account Info → Account security → Generate app password (or Manage app passwords), choose \"Other app\" "+
			"and use the generated password. Yahoo answers every normal password with \"#AUTH005 Too many bad auth attempts\". "+
			"Servers: imap.mail.yahoo.com 993 SSL, smtp.mail.yahoo.com 465 SSL.",
		"雅虎邮箱：账户信息 → 账户安全 → 生成应用密码（或“管理应用密码”），选择“其他应用”，用生成的密码登录。"+
			"使用普通密码时雅虎一律返回 “#AUTH005 Too many bad auth attempts”。服务器：imap.mail.yahoo.com 993（SSL）、smtp.mail.yahoo.com 465（SSL）。")
	fixAOLAppPassword = tx(
		"AOL: Account Info → Account Security → Generate app password; use it as the password. "+
			"Servers: imap.aol.com 993 SSL, smtp.aol.com 465 SSL.",
		"AOL：账户信息 → 账户安全 → 生成应用密码，用它代替登录密码。服务器：imap.aol.com 993（SSL）、smtp.aol.com 465（SSL）。")
	fixICloudAppPassword = tx(
		"iCloud: two-factor authentication must be on. At account.apple.com (appleid.apple.com) → Sign-In and Security → "+
			"App-Specific Passwords, generate one and use it as the password. SMTP: smtp.mail.me.com 587 STARTTLS with the full "+
			"address as user name; IMAP: imap.mail.me.com 993 SSL (if the full address is refused, try the part before @).",
		"iCloud：必须开启双重认证。在 account.apple.com（appleid.apple.com）→ 登录与安全 → App 专用密码 中生成一个，用它代替登录密码。"+
			"SMTP：smtp.mail.me.com 587 端口 + STARTTLS，用户名为完整地址；IMAP：imap.mail.me.com 993（SSL），如完整地址被拒可试 @ 前的部分。")
	fixYandexAppPassword = tx(
		"Yandex: Yandex ID → Security → App passwords → Mail, create one password per mail app; also tick Mail → Settings → "+
			"Email clients → \"From the imap.yandex.com server via IMAP\". Servers: imap.yandex.com 993 SSL, smtp.yandex.com 465 SSL.",
		"Yandex：在 Yandex ID → 安全 → 应用密码 → 邮件 中为每个客户端创建一个应用密码；并在 邮箱 → 设置 → 邮件客户端 中勾选"+
			"“通过 IMAP 从 imap.yandex.com 服务器收取”。服务器：imap.yandex.com 993（SSL）、smtp.yandex.com 465（SSL）。")
	fixMailRuAppPassword = tx(
		"Mail.ru: Settings → Security → Passwords for external applications → Add, and use that password. "+
			"Servers: imap.mail.ru 993 SSL, smtp.mail.ru 465 SSL.",
		"Mail.ru：设置 → 安全 → 外部应用密码 → 添加，用生成的密码登录。服务器：imap.mail.ru 993（SSL）、smtp.mail.ru 465（SSL）。")
	fixZohoAppPassword = tx(
		"Zoho: with two-factor authentication on, accounts.zoho.com → Security → App Passwords → Generate, and use it. Enable "+
			"IMAP under Mail Settings → Mail Accounts → IMAP Access, and use your data centre's hosts (imap.zoho.com / .eu / .in; "+
			"organisation accounts: imappro.zoho.com, smtppro.zoho.com).",
		"Zoho：开启两步验证时，在 accounts.zoho.com → 安全 → 应用专用密码 中生成并使用；在 邮件设置 → 邮件账户 → IMAP 访问 中开启 IMAP，"+
			"并使用所在数据中心的服务器（imap.zoho.com / .eu / .in；企业账号用 imappro.zoho.com、smtppro.zoho.com）。")
	fixGMXAppPassword = tx(
		"GMX: switch on Settings → POP3 & IMAP → \"Allow access via POP3 and IMAP\"; with two-factor authentication create an "+
			"application-specific password in the security settings. Servers: imap.gmx.net 993, mail.gmx.net 465 (gmx.com: "+
			"imap.gmx.com, mail.gmx.com).",
		"GMX：在 设置 → POP3 & IMAP 中开启“允许通过 POP3 和 IMAP 访问”；开启双重认证时需在安全设置中创建应用专用密码。"+
			"服务器：imap.gmx.net 993、mail.gmx.net 465（gmx.com 用户为 imap.gmx.com、mail.gmx.com）。")
	fixOutlookOAuth = tx(
		"Outlook.com / Hotmail: passwords and app passwords stopped working for IMAP, POP and SMTP in September 2024. Remove "+
			"the account and add it again choosing Microsoft sign-in (OAuth2) — Outlook, Thunderbird, Apple Mail and eM Client "+
			"support it. Servers: outlook.office365.com 993 SSL, smtp-mail.outlook.com 587 STARTTLS.",
		"Outlook.com / Hotmail：自 2024 年 9 月起，账号密码和应用密码都不能再用于 IMAP、POP、SMTP。请删除账号后重新添加，"+
			"选择“使用微软账号登录”（OAuth2）；Outlook、Thunderbird、Apple 邮件、eM Client 均支持。"+
			"服务器：outlook.office365.com 993（SSL）、smtp-mail.outlook.com 587（STARTTLS）。")
	fixM365OAuth = tx(
		"Microsoft 365: re-add the account with Microsoft sign-in (OAuth2). Scripts, printers and apps that can only send a "+
			"password must move to OAuth2 (XOAUTH2 with SMTP.Send / IMAP.AccessAsUser.All) or Microsoft Graph, or send through "+
			"a relay (an Exchange connector or a mail-sending service). Security defaults and Conditional Access also block "+
			"basic authentication. Servers: outlook.office365.com 993, smtp.office365.com 587 STARTTLS.",
		"Microsoft 365：删除账号后用“使用微软账号登录”（OAuth2）重新添加。只能用密码的脚本、打印机和程序需改用 OAuth2"+
			"（XOAUTH2，权限 SMTP.Send / IMAP.AccessAsUser.All）或 Microsoft Graph 发信，或通过中继（Exchange 连接器或专业发信服务）。"+
			"“安全默认值”和条件访问策略也会阻止基本认证。服务器：outlook.office365.com 993、smtp.office365.com 587（STARTTLS）。")
)

// netease returns the authorization-code instructions of a NetEase consumer domain.
func netease(domain string) Text {
	return tx(
		"NetEase "+domain+": sign in at mail."+domain+" → Settings → POP3/SMTP/IMAP, switch on \"IMAP/SMTP service\" and "+
			"\"POP3/SMTP service\", verify by SMS, click \"Add authorization password\" (新增授权密码) and enter that code in the "+
			"mail app's password field. Servers: imap."+domain+" 993, pop."+domain+" 995, smtp."+domain+" 465 (all SSL).",
		"网易 "+domain+" 邮箱：登录 mail."+domain+" → 设置 → POP3/SMTP/IMAP，开启“IMAP/SMTP服务”和“POP3/SMTP服务”，"+
			"按提示短信验证后点击“新增授权密码”，把授权码填入客户端的“密码”栏。服务器：imap."+domain+" 993、pop."+domain+
			" 995、smtp."+domain+" 465（均为 SSL）。")
}

// neteaseService is the "enable the service" fix of a NetEase consumer domain.
func neteaseService(domain string) Text {
	return tx(
		"NetEase "+domain+": web mail → Settings → POP3/SMTP/IMAP → switch on IMAP/SMTP and POP3/SMTP and set an authorization "+
			"password. If the service is already on and SMTP still answers \"550 User has no permission\", the account is "+
			"restricted from sending (anti-spam): check the notice in web mail or contact NetEase support.",
		"网易 "+domain+" 邮箱：网页版 → 设置 → POP3/SMTP/IMAP → 开启 IMAP/SMTP 和 POP3/SMTP 服务并设置授权码。"+
			"如果服务已开启，发信仍返回 “550 User has no permission”，说明账号被限制发信（反垃圾），请查看网页版提示或联系网易客服。")
}

// neteaseTLS is the tls.required fix of a NetEase consumer domain.
func neteaseTLS(domain string) Text {
	return tx(
		"NetEase "+domain+": use imap."+domain+" 993, pop."+domain+" 995 and smtp."+domain+" 465, all with SSL, and log in "+
			"with the client authorization code.",
		"网易 "+domain+" 邮箱：使用 imap."+domain+" 993、pop."+domain+" 995、smtp."+domain+" 465，均开启 SSL，并用客户端授权码登录。")
}

// neteaseID is the imap.id-required fix of a NetEase consumer domain.
func neteaseID(domain string) Text {
	return tx(
		"NetEase "+domain+" requires IMAP clients to send ID after LOGIN. Use Thunderbird, Foxmail or NetEase Mail Master, or "+
			"in your own code send ID (\"name\" \"myclient\" \"version\" \"1.0\") right after LOGIN, with no space after the "+
			"opening parenthesis. POP3 (pop."+domain+" 995 SSL) does not need it.",
		"网易 "+domain+" 邮箱要求 IMAP 客户端在 LOGIN 之后发送 ID 命令。请使用 Thunderbird、Foxmail、网易邮箱大师等客户端；"+
			"自己写程序时在 LOGIN 后立即发送 ID (\"name\" \"myclient\" \"version\" \"1.0\")，注意“(”后不要加空格。"+
			"改用 POP3（pop."+domain+" 995，SSL）则不需要。")
}

// catalogue maps every code to its explanation and fix in both languages. Each entry's Code is
// filled from its key.
var catalogue = withCodes(map[Code]Entry{
	// ---------------- DNS ----------------
	CodeDNSNXDomain: {
		Severity: SevError,
		Title:    tx("Server name does not exist", "服务器地址不存在"),
		Explain: tx(
			"DNS says this host or domain name does not exist (NXDOMAIN), so the client cannot find an address to connect to. "+
				"Usually the name is mistyped (smtp.gmial.com, smtp.qq.con), contains a stray space, or belongs to a service "+
				"that has shut down, such as the old Yahoo China names (smtp.mail.yahoo.com.cn).",
			"DNS 查询结果显示这个服务器名称或域名根本不存在，客户端找不到要连接的地址。常见原因是服务器地址拼写错误"+
				"（如 smtp.gmial.com、smtp.qq.con）、多了空格，或者该服务已经停止运营，例如中国雅虎的 smtp.mail.yahoo.com.cn 等旧地址。"),
		Fix: tx(
			"Copy the server name exactly from your provider's help page (for example smtp.qq.com, imap.163.com, smtp.gmail.com) "+
				"and remove spaces. If the service has closed (Yahoo China moved its users to Aliyun Mail), use the new "+
				"provider's settings.",
			"从邮箱服务商的帮助页面原样复制服务器地址（如 smtp.qq.com、imap.163.com、smtp.gmail.com），并删除多余空格。"+
				"如果服务已停止（中国雅虎邮箱已迁移到阿里邮箱），请改用新服务商的设置。"),
		Ref: "RFC 1035 4.1.1",
	},
	CodeDNSNoMX: {
		Severity: SevError,
		Title:    tx("Domain does not receive e-mail", "该域名不接收邮件"),
		Explain: tx(
			"The domain exists but publishes no MX record, or a \"null MX\" that says it accepts no mail at all. Mail to this "+
				"domain cannot be delivered, and mail apps cannot use it to find the mail servers.",
			"该域名存在，但没有发布 MX 记录，或发布了表示“不接收任何邮件”的空 MX 记录。发往这个域名的邮件无法投递，"+
				"客户端也无法据此找到邮件服务器。"),
		Fix: tx(
			"Check the spelling of the part after @. If it is your own domain, add the MX records your mail host gives you "+
				"at your DNS provider (for example Tencent Exmail mxbiz1.qq.com / mxbiz2.qq.com, Microsoft 365 "+
				"<domain>.mail.protection.outlook.com).",
			"检查 @ 后面的域名是否拼写正确。如果是你自己的域名，请按邮箱服务商的说明在域名解析（DNS）服务商处添加 MX 记录"+
				"（例如腾讯企业邮 mxbiz1.qq.com / mxbiz2.qq.com，Microsoft 365 为 <域名>.mail.protection.outlook.com）。"),
		Ref: "RFC 7505 3",
	},
	CodeDNSFailure: {
		Severity: SevError,
		Title:    tx("DNS lookup failed", "域名解析失败"),
		Explain: tx(
			"The DNS resolver gave no usable answer (server failure, refused query or timeout). This says nothing about your "+
				"mail settings: the name simply could not be checked. Typical causes: no internet connection, a broken or "+
				"blocked DNS server on this network, a VPN or proxy interfering with DNS, or an outage at the domain's DNS provider.",
			"DNS 服务器没有给出有效结果（服务器故障、拒绝查询或超时）。这并不说明你的邮箱设置有误，只是暂时无法解析这个名称。"+
				"常见原因：没有联网、当前网络的 DNS 服务器故障或被拦截、VPN/代理干扰了 DNS，或者该域名的 DNS 服务商临时故障。"),
		Fix: tx(
			"Check that the internet works and retry. If it keeps failing, switch DNS servers (e.g. 223.5.5.5, 119.29.29.29, "+
				"1.1.1.1 or 8.8.8.8), turn VPN/proxy software off for a test, or try another network. "+
				"mailcheck --resolver 223.5.5.5:53 tests with a specific DNS server.",
			"先确认网络正常后重试。如果一直失败，可更换 DNS 服务器（如 223.5.5.5、119.29.29.29、1.1.1.1 或 8.8.8.8），"+
				"暂时关闭 VPN/代理软件，或换一个网络测试。可用 mailcheck --resolver 223.5.5.5:53 指定 DNS 服务器测试。"),
		Ref: "RFC 1035 4.1.1",
	},
	CodeDNSNoAddress: {
		Severity: SevError,
		Title:    tx("Server name has no IP address", "服务器名称没有对应的 IP 地址"),
		Explain: tx(
			"The name exists in DNS but has no address record (A for IPv4, AAAA for IPv6), so there is nothing to connect to. "+
				"This happens when a bare domain is used where a server name is expected (example.com instead of "+
				"mail.example.com), or when a server was retired but its name kept.",
			"这个名称在 DNS 中存在，但没有地址记录（IPv4 的 A 记录或 IPv6 的 AAAA 记录），因此无处可连。常见于把域名本身当成了"+
				"服务器地址（填了 example.com 而不是 mail.example.com），或服务器已下线但名称还保留着。"),
		Fix: tx(
			"Use the exact server name from your provider (usually imap., pop. or smtp. followed by the domain). If it is your "+
				"own server, add the missing A/AAAA record.",
			"使用服务商提供的准确服务器地址（通常是 imap.、pop.、smtp. 加域名）。如果是自建服务器，请补上缺失的 A/AAAA 记录。"),
		Ref: "RFC 2308 2.2",
	},

	// ---------------- Provider database and discovery ----------------
	CodeProviderClosed: {
		Severity: SevError,
		Title:    tx("Mail service has closed", "该邮箱服务已停止运营"),
		Explain: tx(
			"The provider of this address has shut its mail service down (for example Yahoo China in August 2013), so its "+
				"old server names and settings no longer work. Mailboxes that were migrated now live at the successor provider.",
			"该地址所属的邮箱服务已停止运营（例如中国雅虎邮箱已于 2013 年 8 月关闭），原来的服务器地址和设置都已失效。"+
				"如果邮箱已迁移，现在由接替的服务商提供服务。"),
		Fix: tx(
			"If you migrated, set the account up with the successor's settings (mailcheck names it); otherwise the address "+
				"can no longer be used — switch to a new mailbox.",
			"如果已经迁移，请按接替服务商的设置重新配置账号（mailcheck 会给出服务商名称）；否则该地址已无法使用，请改用新的邮箱。"),
		Ref: "https://github.com/thunderbird/autoconfig",
	},
	CodeProviderDrift: {
		Severity: SevWarning,
		Title:    tx("Provider settings have changed", "服务商的服务器设置已变化"),
		Explain: tx(
			"A server from mailcheck's built-in provider database no longer behaves as recorded: the host is gone, the port "+
				"is closed, or the port now speaks the other encryption mode. The provider has changed its settings, so "+
				"published setup guides may be out of date too.",
			"mailcheck 内置服务商数据库中的某个服务器与记录不符：主机已不存在、端口已关闭，或端口的加密方式变了。"+
				"说明服务商调整了设置，网上的设置教程也可能已经过时。"),
		Fix: tx(
			"Use the endpoints mailcheck found working in this run, check the provider's current help page, and update "+
				"mailcheck to get a newer database.",
			"使用本次检测中确认可用的服务器设置，查看服务商最新的帮助页面，并升级 mailcheck 以获取更新的数据库。"),
		Ref: "https://github.com/thunderbird/autoconfig",
	},
	CodeDiscoveryNone: {
		Severity: SevError,
		Title:    tx("No mail servers found for this domain", "找不到该域名的邮件服务器"),
		Explain: tx(
			"mailcheck found no settings for this domain: no built-in entry, no recognised MX, no SRV records, no "+
				"autoconfig file and no common host name (imap., pop., smtp., mail.) that answers. The domain may not offer "+
				"mail to clients, or its servers use unusual names.",
			"mailcheck 没有找到该域名的任何设置：内置数据库中没有、MX 记录无法识别、没有 SRV 记录和自动配置文件，常见的服务器名称"+
				"（imap.、pop.、smtp.、mail.）也都没有响应。该域名可能不向客户端提供邮件服务，或其服务器使用了不常见的名称。"),
		Fix: tx(
			"Get the server names and ports from your mail provider or administrator and test them directly with mailcheck. "+
				"Domain owners can publish SRV records (_imaps._tcp, _submissions._tcp) so clients find the servers.",
			"向邮箱服务商或管理员索取服务器地址和端口，再用 mailcheck 直接检测。域名所有者可以发布 SRV 记录"+
				"（_imaps._tcp、_submissions._tcp），方便客户端自动找到服务器。"),
		Ref: "RFC 6186 3",
	},
	CodeDNSImplicitMX: {
		Severity: SevWarning,
		Title:    tx("Domain has no MX record (mail goes to its own address)", "域名没有 MX 记录（邮件投递到域名自身地址）"),
		Explain: tx(
			"The domain publishes no MX record, but it has an address (A/AAAA), so other servers deliver its mail there "+
				"(RFC 5321 5.1, \"implicit MX\"). Mail can arrive, but this is fragile: many senders treat a domain without "+
				"MX as suspicious, and it is usually an oversight.",
			"该域名没有 MX 记录，但有 A/AAAA 地址，其他服务器会把邮件投递到这个地址（RFC 5321 5.1 的“隐式 MX”）。"+
				"邮件能收到，但并不可靠：很多发件方会把没有 MX 的域名视为可疑，而且这通常是配置遗漏。"),
		Fix: tx(
			"Add MX records for the domain at your DNS provider, pointing at your mail host (the host your provider gives you).",
			"在域名的 DNS 服务商处添加 MX 记录，指向邮件服务商提供的收信服务器地址。"),
		Ref: "RFC 5321 5.1",
	},
	CodeExplainUnknown: {
		Severity: SevInfo,
		Title:    tx("No known cause matched this text", "未识别出已知原因"),
		Explain: tx(
			"None of mailcheck's signatures (server replies, enhanced status codes, POP3/IMAP response codes, and the "+
				"error texts of common mail clients and libraries) matched the text. The evidence names the closest reply "+
				"class where one could be told, such as \"5.7.x: security or policy\" or \"4xx: temporary failure\".",
			"mailcheck 的特征库（服务器回复、增强状态码、POP3/IMAP 响应码以及常见邮件客户端和程序库的错误文字）都没有匹配这段文字。"+
				"如能判断，证据中会给出最接近的回复类别，例如“5.7.x：安全或策略”或“4xx：临时错误”。"),
		Fix: tx(
			"Paste the complete server reply or error, including the three-digit code and any x.y.z status, or run "+
				"'mailcheck account ADDRESS' to test the settings directly.",
			"请粘贴完整的服务器回复或错误信息（包括三位数字代码和 x.y.z 状态码），或直接运行 “mailcheck account 邮箱地址” 检测设置。"),
		Ref: "RFC 3463 3",
	},
	CodeDiscoveryConflict: {
		Severity: SevWarning,
		Title:    tx("Discovery methods disagree", "不同来源的服务器设置不一致"),
		Explain: tx(
			"The sources mailcheck consulted point to different servers (for example the MX records name one provider and "+
				"the built-in database another, or SRV records disagree with the autoconfig file). The domain may have moved "+
				"to a new provider, or one source is stale; mail apps that auto-configure may pick the wrong servers.",
			"mailcheck 查询的各个来源给出了不同的服务器（例如 MX 记录指向一家服务商，内置数据库却是另一家；或 SRV 记录与自动配置文件不一致）。"+
				"可能是域名已迁移到新服务商，或某个来源已过时；自动配置的邮件客户端可能会选错服务器。"),
		Fix: tx(
			"Use the servers that mailcheck verified in this run. Domain owners should update or remove the stale DNS "+
				"records (MX, SRV) or autoconfig file so all sources agree.",
			"使用本次检测中验证通过的服务器。域名所有者应更新或删除过时的 DNS 记录（MX、SRV）或自动配置文件，使各来源保持一致。"),
		Ref: "RFC 6186 4",
	},

	// ---------------- TCP and network ----------------
	CodeTCPRefused: {
		Severity: SevError,
		Title:    tx("Connection refused: nothing listens on this port", "连接被拒绝：该端口没有服务"),
		Explain: tx(
			"The server's machine answered but refused the connection on this port: no mail service listens there. Usually the "+
				"port is wrong for this server (465 on a server that only offers 587, POP3's 995 on an IMAP-only host), or a "+
				"firewall rejects it. Some antivirus programs and company firewalls also reject outgoing mail ports.",
			"对方服务器有响应，但拒绝了这个端口的连接：该端口上没有邮件服务。通常是端口填错了（例如服务器只开放 587 却填了 465，"+
				"或者在只支持 IMAP 的服务器上填了 POP3 的 995），也可能是防火墙主动拒绝。一些杀毒软件和公司防火墙也会拦截发信端口。"),
		Fix: tx(
			"Use the ports your provider publishes: IMAP 993 (SSL), POP3 995 (SSL), SMTP 465 (SSL) or 587 (STARTTLS), and make "+
				"sure the server name matches the service (imap. / pop. / smtp.). If the port is right, check the local firewall "+
				"and the antivirus mail protection.",
			"使用服务商公布的端口：IMAP 993（SSL）、POP3 995（SSL）、SMTP 465（SSL）或 587（STARTTLS），并确认服务器地址与服务类型对应"+
				"（imap. / pop. / smtp.）。端口无误时，检查本机防火墙和杀毒软件的邮件防护。"),
		Ref: "RFC 9293 3.5.2",
	},
	CodeTCPTimeout: {
		Severity: SevError,
		Title:    tx("Connection timed out", "连接超时"),
		Explain: tx(
			"No answer came to the connection attempt: something between you and the server silently drops the packets — a "+
				"firewall on this computer, the office network, the ISP or a cloud provider — or the server address is wrong. "+
				"Unlike \"refused\", the server never said no; nothing came back at all.",
			"连接请求发出后没有任何回应：中间某处把数据包悄悄丢弃了（本机、公司网络、运营商或云服务商的防火墙），或者服务器地址填错了。"+
				"与“连接被拒绝”不同，这里服务器根本没有回应。"),
		Fix: tx(
			"Check the server name and port against the provider's settings. Try another network, such as a phone hotspot: if "+
				"it works there, the first network blocks the port. Company networks and cloud servers often block mail ports — "+
				"ask the administrator, or use the provider's other port (465 or 587).",
			"对照服务商设置核对服务器地址和端口。换个网络（如手机热点）测试：如果换网络后正常，说明原网络封锁了该端口。"+
				"公司网络和云服务器经常封锁邮件端口，请联系网络管理员，或改用服务商的另一个端口（465 或 587）。"),
		Ref: "RFC 9293 3.8.1",
	},
	CodeTCPPort25Blocked: {
		Severity: SevError,
		Title:    tx("Port 25 is blocked on this network", "本网络封锁了 25 端口"),
		Explain: tx(
			"Connections to port 25 time out while the same provider's ports 465 and 587 connect. Your ISP, office network or "+
				"cloud provider (Aliyun ECS, Tencent Cloud, AWS, Google Cloud, Azure...) blocks outgoing port 25 to stop spam. "+
				"Port 25 is for server-to-server delivery; mail apps should send on 465 or 587.",
			"连接 25 端口超时，而同一服务商的 465、587 端口可以连通。你的运营商、单位网络或云服务器（阿里云 ECS、腾讯云、AWS、"+
				"Google Cloud、Azure 等）为防止垃圾邮件封锁了出站 25 端口。25 端口用于服务器之间投递，邮件客户端应使用 465 或 587 发信。"),
		Fix: tx(
			"Change the outgoing (SMTP) port to 465 with SSL/TLS, or 587 with STARTTLS, and keep authentication on.",
			"把发送服务器（SMTP）端口改为 465 并启用 SSL/TLS，或改为 587 并启用 STARTTLS，同时保持开启身份验证。"),
		Ref: "RFC 8314 3.3",
	},
	CodeTCPReset: {
		Severity: SevError,
		Title:    tx("Connection reset", "连接被重置"),
		Explain: tx(
			"The connection was cut off abruptly (a TCP reset) or dropped without a goodbye. The server or something in "+
				"between — a firewall, a proxy, antivirus \"mail protection\" — ended the session. Common reasons: too many "+
				"connections or failed logins from your IP, your IP is on a blocklist, or client and server disagree about "+
				"encryption on this port.",
			"连接被突然切断（TCP 重置），或没有正常结束就被关闭。可能是服务器，也可能是中间的防火墙、代理或杀毒软件的“邮件防护”"+
				"切断了会话。常见原因：同一 IP 连接或登录失败次数过多被限流、IP 被列入黑名单，或客户端与服务器对该端口是否加密的设置不一致。"),
		Fix: tx(
			"Wait a few minutes and retry once. Check that the security setting matches the port (465/993/995 = SSL, "+
				"587/143/110 = STARTTLS). Turn off antivirus e-mail scanning or the proxy for a test. If it only fails from this "+
				"network or server, its IP may be blocked.",
			"等几分钟后重试一次。确认加密方式与端口匹配（465/993/995 用 SSL，587/143/110 用 STARTTLS）。可暂时关闭杀毒软件的邮件扫描"+
				"或代理再测试。如果只在当前网络或服务器上失败，可能是该 IP 被限制。"),
		Ref: "RFC 9293 3.5.2",
	},
	CodeTCPUnreachable: {
		Severity: SevError,
		Title:    tx("Network unreachable", "网络不可达"),
		Explain: tx(
			"This computer has no route to the server's address (\"network is unreachable\", \"no route to host\"). The local "+
				"network is down, a VPN or firewall blocks the route, or the name points to a private address you are not on.",
			"本机没有通往服务器地址的路由（“network is unreachable”、“no route to host”）。可能是本地网络断开、VPN 或防火墙阻断了路由，"+
				"或者服务器名称解析到了你所在网络之外的内网地址。"),
		Fix: tx(
			"Check the network connection and VPN, make sure the server name resolves to a public address, and try another network.",
			"检查网络连接和 VPN，确认服务器名称解析到的是公网地址，并换个网络测试。"),
		Ref: "RFC 1122 3.2.2.1",
	},
	CodeTCPConnectFailed: {
		Severity: SevError,
		Title:    tx("Could not connect to the server", "无法连接到服务器"),
		Explain: tx(
			"The mail app reports that it could not connect but does not say why (Outlook 0x800CCC0E, PHPMailer \"SMTP "+
				"connect() failed\", JavaMail \"Couldn't connect to host\"). The cause is one of: a wrong server name, a wrong "+
				"port, a firewall blocking the port, or no network.",
			"邮件程序只报告无法连接，没有说明原因（Outlook 0x800CCC0E、PHPMailer “SMTP connect() failed”、JavaMail “Couldn't connect "+
				"to host”等）。原因不外乎：服务器地址错误、端口错误、防火墙封锁了端口，或网络不通。"),
		Fix: tx(
			"Check the server name and port against the provider's settings, then run mailcheck with the same settings: it "+
				"shows which step fails (DNS, refused, timeout or encryption).",
			"对照服务商设置核对服务器地址和端口，然后用 mailcheck 以相同设置检测，它会显示具体卡在哪一步（域名解析、连接被拒、超时或加密）。"),
		Ref: "RFC 9293 3.5",
	},
	CodeNetIPv6Unreachable: {
		Severity: SevWarning,
		Title:    tx("IPv6 path does not work", "IPv6 线路不通"),
		Explain: tx(
			"The server has an IPv6 address and this computer tried it, but the network has no working IPv6 route. Apps that "+
				"fall back to IPv4 still work, only more slowly; apps that don't, fail.",
			"服务器有 IPv6 地址，本机也尝试了 IPv6 连接，但当前网络没有可用的 IPv6 路由。会自动改用 IPv4 的程序仍能工作，只是变慢；"+
				"不会改用 IPv4 的程序则会失败。"),
		Fix: tx(
			"Fix or turn off IPv6 on this computer or router, or make the app prefer IPv4. Nothing to do if mail works.",
			"修复或关闭本机/路由器的 IPv6，或让程序优先使用 IPv4。如果收发信正常，可以忽略。"),
		Ref: "RFC 8305 3",
	},
	CodeNetMailPortsBlocked: {
		Severity: SevError,
		Title:    tx("All mail ports are blocked on this network", "本网络封锁了所有邮件端口"),
		Explain: tx(
			"DNS works and the server names resolve, but every mail port (25, 465, 587, 993, 995, 143, 110) times out. The "+
				"network you are on — a company, school, hotel or public Wi-Fi, or a cloud server's security group — blocks mail traffic.",
			"域名解析正常，但所有邮件端口（25、465、587、993、995、143、110）都连接超时。你所在的网络（公司、学校、酒店或公共 Wi-Fi，"+
				"或云服务器的安全组）封锁了邮件流量。"),
		Fix: tx(
			"Try another network such as a phone hotspot. Ask the network administrator to allow outgoing 465, 587, 993 and 995; "+
				"on a cloud server, open them in the security group or firewall (outbound rules).",
			"换个网络（如手机热点）测试。请网络管理员放行出站的 465、587、993、995 端口；云服务器请在安全组或防火墙的出方向规则中放行。"),
		Ref: "RFC 8314 3",
	},

	// ---------------- Port and security mode ----------------
	CodePortExpectsSTARTTLS: {
		Severity: SevError,
		Title:    tx("SSL used on a STARTTLS port", "在 STARTTLS 端口上直接使用了 SSL"),
		Explain: tx(
			"The client started encryption (SSL/TLS) immediately, but this port speaks plain text first and upgrades later with "+
				"STARTTLS (SMTP 587 and 25, IMAP 143, POP3 110). The server sent an ordinary greeting such as \"220 ...\" where the "+
				"client expected encrypted data, so the handshake failed (\"wrong version number\", \"first record does not look "+
				"like a TLS handshake\").",
			"客户端一连接就开始 SSL/TLS 加密，但这个端口要求先明文通信，再用 STARTTLS 升级加密（SMTP 的 587 和 25、IMAP 的 143、"+
				"POP3 的 110）。服务器发来的是“220 ...”之类的普通欢迎语而不是加密数据，所以握手失败（报错如 “wrong version number”、"+
				"“first record does not look like a TLS handshake”）。"),
		Fix: tx(
			"Either keep this port and change the security setting to STARTTLS, or keep SSL/TLS and use the SSL port: SMTP 465, "+
				"IMAP 993, POP3 995. (nodemailer: secure:false for 587, secure:true for 465.)",
			"两种改法任选其一：保留该端口，把加密方式改为 STARTTLS；或者保留 SSL/TLS，把端口改为 SSL 端口：SMTP 465、IMAP 993、POP3 995。"),
		Ref: "RFC 8314 3",
	},
	CodePortExpectsTLS: {
		Severity: SevError,
		Title:    tx("SSL port used without SSL", "SSL 端口未启用 SSL"),
		Explain: tx(
			"This port (465, 993 or 995) expects encryption from the very first byte. The client connected without SSL and "+
				"waited for a greeting that the server only sends inside an encrypted connection, so nothing arrived and the "+
				"connection timed out or was closed.",
			"这个端口（465、993 或 995）要求从连接开始就加密（SSL）。客户端没有启用 SSL，就在等服务器的欢迎语，而服务器只会在加密连接里"+
				"发送欢迎语，所以一直收不到回应，最后超时或被断开。"),
		Fix: tx(
			"Turn on SSL/TLS for this port (called \"SSL\", \"SSL/TLS\" or secure: true in various apps), or use the STARTTLS "+
				"port instead (SMTP 587, IMAP 143, POP3 110) with STARTTLS enabled.",
			"为该端口开启 SSL/TLS（不同客户端中叫“SSL”、“使用安全连接”或 secure: true），或者改用 STARTTLS 端口（SMTP 587、IMAP 143、"+
				"POP3 110）并启用 STARTTLS。"),
		Ref: "RFC 8314 3.3",
	},
	CodePortWrongProtocol: {
		Severity: SevError,
		Title:    tx("Port belongs to a different service", "端口对应的是其他服务"),
		Explain: tx(
			"The server on this port speaks a different protocol than configured — a POP3 \"+OK\" greeting where SMTP was "+
				"expected, or an IMAP account pointed at a POP3 server (\"is not an IMAP4 mail server\"). Incoming and outgoing "+
				"server names or ports have been mixed up.",
			"这个端口上的服务与配置的协议不一致：例如应该是 SMTP 却收到了 POP3 的“+OK”欢迎语，或者 IMAP 账号指向了 POP3 服务器"+
				"（“不是 IMAP4 邮件服务器”）。接收服务器和发送服务器的地址或端口填反了。"),
		Fix: tx(
			"Check each server's type, host and port: IMAP = imap.* on 993, POP3 = pop.* on 995, SMTP = smtp.* on 465 or 587.",
			"逐项核对服务器类型、地址和端口：IMAP 用 imap.* 的 993，POP3 用 pop.* 的 995，SMTP 用 smtp.* 的 465 或 587。"),
		Ref: "RFC 8314 3",
	},

	// ---------------- TLS ----------------
	CodeTLSRequired: {
		Severity: SevError,
		Title:    tx("Encryption required before login", "服务器要求先加密再登录"),
		Explain: tx(
			"The server refuses passwords or mail over an unencrypted connection. It answered with something like \"530 5.7.0 "+
				"Must issue a STARTTLS command first\", \"plaintext authentication disallowed\", LOGINDISABLED, or QQ Mail's "+
				"\"A secure connection is requiered(such as ssl)\". The client is connected without SSL/TLS or skipped STARTTLS.",
			"服务器拒绝在未加密的连接上接收密码或邮件，返回了类似 “530 5.7.0 Must issue a STARTTLS command first”、"+
				"“plaintext authentication disallowed”、LOGINDISABLED，或 QQ 邮箱的 “A secure connection is requiered(such as ssl)”。"+
				"说明客户端没有启用 SSL/TLS，或者没有执行 STARTTLS。"),
		Fix: tx(
			"Turn encryption on: for sending, use port 587 with STARTTLS or port 465 with SSL/TLS, and turn on SMTP "+
				"authentication (\"outgoing server requires authentication\"); IMAP 993 with SSL; POP3 995 with SSL. Then log "+
				"in again (with the authorization code or app password if your provider requires one).",
			"开启加密：发信请改用 587 端口 + STARTTLS，或 465 端口 + SSL/TLS，并开启 SMTP 身份验证（“发送服务器要求验证”）；"+
				"IMAP 使用 993 + SSL；POP3 使用 995 + SSL。然后重新登录（如服务商要求，密码处填写授权码或应用专用密码）。"),
		Ref: "RFC 3207 4",
		ProviderFix: map[string]Text{
			"qq": tx(
				"QQ Mail refuses every login without encryption. Use smtp.qq.com 465 with SSL (or 587 with STARTTLS), "+
					"imap.qq.com 993 with SSL and pop.qq.com 995 with SSL, and log in with the 16-letter authorization code, "+
					"not the QQ password.",
				"QQ 邮箱不接受任何未加密的登录。请使用 smtp.qq.com 465 端口 + SSL（或 587 + STARTTLS）、imap.qq.com 993 + SSL、"+
					"pop.qq.com 995 + SSL，并用 16 位授权码登录，而不是 QQ 密码。"),
			"exmail": tx(
				"Tencent Exmail requires encryption: imap.exmail.qq.com 993 SSL, pop.exmail.qq.com 995 SSL, "+
					"smtp.exmail.qq.com 465 SSL.",
				"腾讯企业邮必须加密：imap.exmail.qq.com 993（SSL）、pop.exmail.qq.com 995（SSL）、smtp.exmail.qq.com 465（SSL）。"),
			"163":  neteaseTLS("163.com"),
			"126":  neteaseTLS("126.com"),
			"yeah": neteaseTLS("yeah.net"),
			"gmail": tx(
				"Gmail: use smtp.gmail.com 465 with SSL or 587 with STARTTLS, and an app password or OAuth2 — otherwise the "+
					"next step fails with 534-5.7.9 or 535-5.7.8.",
				"Gmail：使用 smtp.gmail.com 465 端口 + SSL 或 587 端口 + STARTTLS，密码处填应用专用密码或使用 OAuth2，"+
					"否则下一步会报 534-5.7.9 或 535-5.7.8。"),
			"outlook": tx(
				"Outlook.com: smtp-mail.outlook.com 587 with STARTTLS (TLS 1.2 or newer), outlook.office365.com 993 SSL.",
				"Outlook.com：smtp-mail.outlook.com 587 端口 + STARTTLS（TLS 1.2 及以上），outlook.office365.com 993（SSL）。"),
			"microsoft365": tx(
				"Microsoft 365: smtp.office365.com 587 with STARTTLS (TLS 1.2 or newer), outlook.office365.com 993 SSL.",
				"Microsoft 365：smtp.office365.com 587 端口 + STARTTLS（TLS 1.2 及以上），outlook.office365.com 993（SSL）。"),
		},
	},
	CodeTLSSTARTTLSUnavailable: {
		Severity: SevError,
		Title:    tx("STARTTLS not available", "服务器不支持 STARTTLS"),
		Explain: tx(
			"The connection must be upgraded with STARTTLS (STLS in POP3), but the server does not offer it or refused it "+
				"(\"454 4.7.0 TLS not available due to local problem\", \"502 5.5.1 Unrecognized command\"). Either this port has "+
				"no encryption, or the server cannot load its certificate — a server-side fault. Logging in now would send the "+
				"password in clear text.",
			"该连接需要用 STARTTLS（POP3 中为 STLS）升级为加密连接，但服务器没有提供或拒绝了（“454 4.7.0 TLS not available due to local "+
				"problem”、“502 5.5.1 Unrecognized command”）。要么该端口不支持加密，要么服务器无法加载证书（服务器端故障）。"+
				"此时继续登录会以明文发送密码。"),
		Fix: tx(
			"Use the provider's SSL port instead (SMTP 465, IMAP 993, POP3 995); do not switch encryption off. If this is your "+
				"organisation's server and it answers 454, tell the administrator that the server cannot load its TLS certificate or key.",
			"改用服务商的 SSL 端口（SMTP 465、IMAP 993、POP3 995），不要关闭加密。如果是单位自建服务器且返回 454，请告知管理员："+
				"服务器无法加载 TLS 证书或私钥。"),
		Ref: "RFC 3207 4",
	},
	CodeTLSCertUntrusted: {
		Severity: SevError,
		Title:    tx("Certificate not trusted", "证书不受信任"),
		Explain: tx(
			"The server's certificate does not lead to a certificate authority this computer trusts: it is self-signed, the "+
				"server forgot to send the intermediate certificate, this computer's list of trusted roots is outdated, or "+
				"something on your network (antivirus, company proxy) replaces the certificate. The connection could be "+
				"intercepted, so the client stops.",
			"服务器证书无法追溯到本机信任的证书颁发机构：可能是自签名证书、服务器没有发送中间证书、本机根证书列表过旧，"+
				"或者网络中的杀毒软件/公司代理替换了证书。这样的连接可能被窃听，所以客户端中止了连接。"),
		Fix: tx(
			"Make sure you use the provider's official server name. Update the operating system (it refreshes the trusted roots). "+
				"Turn off \"scan encrypted connections\" / mail shield in the antivirus for a test. On your own server, install the "+
				"full certificate chain (e.g. a free Let's Encrypt certificate). Skip verification (--insecure) only for testing.",
			"确认使用的是服务商官方服务器地址；更新操作系统（会同时更新根证书）；可暂时关闭杀毒软件中的“扫描加密连接/邮件防护”再测试。"+
				"如果是自建服务器，请安装完整证书链（例如免费的 Let's Encrypt 证书）。仅在测试时才跳过证书验证（--insecure）。"),
		Ref: "RFC 5280 6",
	},
	CodeTLSCertHostnameMismatch: {
		Severity: SevError,
		Title:    tx("Certificate is for a different host name", "证书与服务器名称不符"),
		Explain: tx(
			"The certificate is valid, but not for the name you connected to. Typical when an alias such as mail.yourcompany.com "+
				"or an IP address is used for a mail service hosted elsewhere (Tencent Exmail, NetEase enterprise, Microsoft 365): "+
				"the provider's certificate only covers its own names, such as smtp.exmail.qq.com.",
			"服务器证书本身有效，但不是颁发给你填写的这个名称的。常见于用别名（如 mail.你的公司.com）或 IP 地址去连接托管在别处的邮箱"+
				"（腾讯企业邮、网易企业邮、Microsoft 365 等）：服务商的证书只包含它自己的域名，例如 smtp.exmail.qq.com。"),
		Fix: tx(
			"Use the provider's real server name (e.g. smtp.exmail.qq.com, imap.qiye.163.com, outlook.office365.com) instead of "+
				"your own alias or an IP address. On your own server, get a certificate that includes the name users connect to.",
			"把服务器地址改成服务商的真实服务器名称（如 smtp.exmail.qq.com、imap.qiye.163.com、outlook.office365.com），不要用自己的别名"+
				"或 IP。如果是自建服务器，请申请包含用户所用名称的证书。"),
		Ref: "RFC 9525 6",
	},
	CodeTLSCertExpired: {
		Severity: SevError,
		Title:    tx("Certificate expired or not yet valid", "证书已过期或尚未生效"),
		Explain: tx(
			"The server's certificate is outside its validity period. Either the provider forgot to renew it or — very often — "+
				"this computer's date and time are wrong, so a good certificate looks expired or not yet valid.",
			"服务器证书不在有效期内。可能是服务商忘了续期，也很可能是本机日期时间不对，导致有效的证书被误判为已过期或尚未生效。"),
		Fix: tx(
			"First check this computer's date, time and time zone (turn on automatic time). If the clock is right, the "+
				"certificate really expired: tell the provider or administrator.",
			"先检查本机的日期、时间和时区（建议开启自动校时）。如果时间正确，说明证书确实过期了，请联系服务商或管理员处理。"),
		Ref: "RFC 5280 4.1.2.5",
	},
	CodeTLSCertExpiresSoon: {
		Severity: SevWarning,
		Title:    tx("Certificate expires soon", "证书即将过期"),
		Explain: tx(
			"The server's certificate is valid now but expires within the next few weeks. If it is not renewed in time, every "+
				"client will start failing with certificate errors.",
			"服务器证书目前有效，但将在几周内过期。如果不及时续期，所有客户端都会开始报证书错误。"),
		Fix: tx(
			"Nothing to change on your side. If this is your server, renew the certificate (preferably automatically, e.g. "+
				"Let's Encrypt/ACME) and reload the mail service; otherwise let the provider know.",
			"你这边无需修改。如果是自建服务器，请续期证书（最好用 Let's Encrypt/ACME 自动续期）并重新加载邮件服务；否则可告知服务商。"),
		Ref: "RFC 5280 4.1.2.5",
	},
	CodeTLSCertRevoked: {
		Severity: SevError,
		Title:    tx("Certificate has been revoked", "证书已被吊销"),
		Explain: tx(
			"The certificate authority has revoked the server's certificate (for example because its key leaked), so it must "+
				"not be trusted any more.",
			"证书颁发机构已吊销该服务器证书（例如私钥泄露），因此不能再信任它。"),
		Fix: tx(
			"Do not bypass the warning. Report it to the provider or administrator, who must install a new certificate.",
			"不要绕过这个警告。请告知服务商或管理员，由其安装新证书。"),
		Ref: "RFC 5280 3.3",
	},
	CodeTLSVersionTooOld: {
		Severity: SevError,
		Title:    tx("TLS version mismatch", "TLS 版本不兼容"),
		Explain: tx(
			"Client and server could not agree on a TLS version. Either the server only offers TLS 1.0 or 1.1, which current "+
				"clients (mailcheck included) refuse as insecure, or the server demands TLS 1.2 or newer and the client is too "+
				"old (Microsoft 365: \"421 4.7.66 TLS 1.0 and 1.1 are not supported\").",
			"双方无法协商出共同的 TLS 版本。要么服务器只支持 TLS 1.0/1.1（当前客户端包括 mailcheck 出于安全考虑会拒绝），"+
				"要么服务器要求 TLS 1.2 及以上而客户端太旧（如 Microsoft 365 返回 “421 4.7.66 TLS 1.0 and 1.1 are not supported”）。"),
		Fix: tx(
			"If the client is old (Windows 7, Outlook 2010, old Java or .NET, older printers and scanners), update it or enable "+
				"TLS 1.2. If the server is old, ask the provider to enable TLS 1.2/1.3. Lowering the client's minimum TLS version "+
				"is insecure and only a stopgap.",
			"如果是客户端过旧（Windows 7、Outlook 2010、旧版 Java 或 .NET、老式打印机和扫描仪），请升级或启用 TLS 1.2。"+
				"如果是服务器过旧，请联系服务商启用 TLS 1.2/1.3。降低客户端最低 TLS 版本并不安全，只能临时应急。"),
		Ref: "RFC 8996 1",
	},
	CodeTLSWeakCrypto: {
		Severity: SevError,
		Title:    tx("Server uses weak encryption", "服务器使用了弱加密参数"),
		Explain: tx(
			"The server offered cryptographic parameters the client considers too weak — for example a Diffie-Hellman key of "+
				"1024 bits or less (\"dh key too small\") or only obsolete ciphers — so the client refused the connection.",
			"服务器提供的加密参数被客户端认为过弱，例如 1024 位及以下的 Diffie-Hellman 密钥（“dh key too small”）或只有过时的加密套件，"+
				"因此客户端拒绝了连接。"),
		Fix: tx(
			"Ask the provider or administrator to update the server's TLS configuration. Lowering the client's security level "+
				"is only a temporary workaround.",
			"请服务商或管理员更新服务器的 TLS 配置。降低客户端安全级别只能作为临时办法。"),
		Ref: "RFC 9325 4",
	},
	CodeTLSIntercepted: {
		Severity: SevError,
		Title:    tx("Encrypted connection is being intercepted", "加密连接被拦截"),
		Explain: tx(
			"The certificate was not issued to the mail provider but by antivirus software or a proxy on this computer or "+
				"network (Kaspersky, Avast, ESET, Fortinet, Zscaler...), which decrypts and re-encrypts mail traffic to scan it. "+
				"The client is no longer talking to the provider directly, and clients that don't trust that product's "+
				"certificate refuse the connection.",
			"证书不是邮箱服务商的，而是本机或网络中的杀毒软件/代理（如卡巴斯基、Avast、ESET、飞塔 Fortinet、Zscaler）签发的，"+
				"它们会解密再加密邮件流量进行扫描。邮件可能仍能收发，但客户端已不是直接与服务商通信；不信任该软件证书的客户端会连接失败。"),
		Fix: tx(
			"Turn off \"scan encrypted connections\", \"mail shield\" or SSL inspection for mail in the antivirus, or ask the "+
				"network administrator to exclude the mail servers; then test again.",
			"在杀毒软件中关闭“扫描加密连接”“邮件防护”或 SSL 检查，或请网络管理员把邮件服务器加入例外，然后重新测试。"),
		Ref: "RFC 5280 6",
	},
	CodeTLSSTARTTLSInjection: {
		Severity: SevError,
		Title:    tx("Server sent data before the TLS handshake", "服务器在 TLS 握手前多发了数据"),
		Explain: tx(
			"After answering \"ready to start TLS\", the server (or a device in between) sent more bytes before the encrypted "+
				"handshake began. A correct server never does this; it is the signature of the STARTTLS command-injection flaw "+
				"(CVE-2011-0411 and relatives) or of a middlebox tampering with the session, and could let an attacker inject "+
				"commands into the encrypted session.",
			"服务器在回复“准备开始 TLS”之后、加密握手开始之前又多发送了数据（来自服务器本身或中间设备）。正常服务器不会这样做；"+
				"这是 STARTTLS 命令注入漏洞（CVE-2011-0411 等）或中间设备篡改会话的特征，攻击者可借此向加密会话注入命令。"),
		Fix: tx(
			"Prefer the implicit-TLS port (SMTP 465, IMAP 993, POP3 995), which does not have this weakness, and report it to "+
				"the server administrator so the mail software can be updated.",
			"优先使用 SSL 端口（SMTP 465、IMAP 993、POP3 995），这种方式没有该问题；并告知服务器管理员升级邮件服务软件。"),
		Ref: "RFC 3207 4.2",
	},
	CodeTLSHandshakeFailed: {
		Severity: SevError,
		Title:    tx("Encrypted connection could not be set up", "无法建立加密连接"),
		Explain: tx(
			"The TLS handshake failed without a clearer reason: the server closed or rejected it. Typical causes: the security "+
				"setting does not match the port (SSL vs STARTTLS), no TLS version or cipher in common, an antivirus or proxy "+
				"interfering, or a server fault.",
			"TLS 握手失败，但没有更明确的原因：服务器关闭或拒绝了握手。常见原因：加密方式与端口不匹配（SSL 与 STARTTLS 混用）、"+
				"双方没有共同的 TLS 版本或加密套件、杀毒软件或代理干扰，或服务器故障。"),
		Fix: tx(
			"Check the pairing of port and security (465/993/995 = SSL/TLS, 587/143/110 = STARTTLS), update the mail app and "+
				"operating system, and turn antivirus mail scanning off for a test. mailcheck shows the exact handshake error.",
			"核对端口与加密方式是否匹配（465/993/995 用 SSL/TLS，587/143/110 用 STARTTLS），升级邮件程序和操作系统，"+
				"并暂时关闭杀毒软件的邮件扫描测试。mailcheck 会显示具体的握手错误。"),
		Ref: "RFC 8446 6.2",
	},
	CodeTLSInsecureSkipped: {
		Severity: SevWarning,
		Title:    tx("Certificate not verified (testing mode)", "未校验证书（测试模式）"),
		Explain: tx(
			"Certificate checking was switched off for this run (--insecure), so mailcheck did not confirm it was really "+
				"talking to your provider. The other results stand, but an interceptor would go unnoticed.",
			"本次检测关闭了证书校验（--insecure），因此 mailcheck 没有确认对方确实是你的邮箱服务商。其他结果仍然有效，"+
				"但如果有人拦截连接将无法发现。"),
		Fix: tx(
			"Run again without --insecure once the certificate problem is solved. Never switch certificate checks off "+
				"permanently in a mail app.",
			"证书问题解决后，请去掉 --insecure 重新检测。不要在邮件客户端中长期关闭证书校验。"),
		Ref: "RFC 7817 3",
	},
	CodeSTARTTLSStripped: {
		Severity: SevError,
		Title:    tx("STARTTLS missing — possibly removed in transit", "STARTTLS 缺失，可能被中途删除"),
		Explain: tx(
			"The server did not offer STARTTLS on this plaintext port, although this provider normally does or its other ports "+
				"are encrypted. A device on the network — a firewall's SMTP inspection, antivirus or an attacker — may be removing "+
				"STARTTLS so the session stays unencrypted.",
			"服务器在这个明文端口上没有提供 STARTTLS，但该服务商通常是提供的，或者同一服务器的其他端口支持加密。"+
				"可能是网络中的设备（防火墙的 SMTP 检查功能、杀毒软件或攻击者）删掉了 STARTTLS，让会话保持不加密。"),
		Fix: tx(
			"Use the implicit-TLS port (465/993/995), where this cannot happen. Test from another network; if STARTTLS appears "+
				"there, ask the network administrator to turn off SMTP/IMAP inspection on the firewall.",
			"改用 SSL 端口（465/993/995），这种情况就不会发生。换个网络测试：如果在其他网络能看到 STARTTLS，请网络管理员关闭防火墙的 "+
				"SMTP/IMAP 检查功能。"),
		Ref: "RFC 3207 6",
	},

	// ---------------- Server behaviour ----------------
	CodeServerGreetingTimeout: {
		Severity: SevError,
		Title:    tx("Connected, but the server never said hello", "已连接但服务器没有发送欢迎信息"),
		Explain: tx(
			"The connection opened but no greeting came in time. Most often the port expects SSL from the first byte "+
				"(465/993/995) and the client waits in plain text; a proxy or antivirus holding the connection, or a server that "+
				"deliberately delays suspicious clients, look the same.",
			"TCP 连接已建立，但在规定时间内没有收到服务器的欢迎信息。最常见的原因是该端口要求一开始就使用 SSL（465/993/995），"+
				"而客户端在以明文等待；代理或杀毒软件扣住了连接，或服务器故意拖延可疑客户端，表现也一样。"),
		Fix: tx(
			"If the port is 465, 993 or 995, turn SSL/TLS on. Otherwise turn antivirus mail scanning or the proxy off for a "+
				"test, and retry later or from another network.",
			"如果端口是 465、993 或 995，请开启 SSL/TLS；否则可暂时关闭杀毒软件的邮件扫描或代理后测试，或稍后、换个网络再试。"),
		Ref: "RFC 5321 4.5.3.2.1",
	},
	CodeServerResponseTimeout: {
		Severity: SevError,
		Title:    tx("Server stopped answering", "服务器不再响应"),
		Explain: tx(
			"The connection was open, but the server did not answer a command in time (\"Read timed out\", Outlook 0x8004210A / "+
				"0x8004210B). At the very start of a session this usually means the port expects SSL from the first byte; later "+
				"it points to a slow server, a proxy or antivirus holding the data, or a large attachment on a slow line.",
			"连接是通的，但服务器没有在规定时间内回应命令（“Read timed out”、Outlook 0x8004210A / 0x8004210B）。如果发生在刚连接时，"+
				"通常说明该端口要求一开始就使用 SSL；如果发生在会话中途，则可能是服务器慢、代理或杀毒软件扣住了数据，或在慢速网络上发送大附件。"),
		Fix: tx(
			"If the port is 465, 993 or 995, turn SSL/TLS on. Otherwise raise the server timeout in the app, turn antivirus "+
				"mail scanning off for a test, and retry.",
			"如果端口是 465、993 或 995，请开启 SSL/TLS；否则可调大客户端的服务器超时时间，暂时关闭杀毒软件的邮件扫描后重试。"),
		Ref: "RFC 5321 4.5.3.2",
	},
	CodeServerBusy: {
		Severity: SevError,
		Title:    tx("Server temporarily refuses service", "服务器暂时拒绝服务"),
		Explain: tx(
			"The server is up but refuses to serve you right now: it is overloaded or in maintenance, or your IP or account "+
				"has too many connections (SMTP 421, POP3 -ERR [SYS/TEMP], IMAP NO [UNAVAILABLE], \"too many connections\"). "+
				"This is temporary; your settings may well be correct.",
			"服务器在线，但当前拒绝为你服务：可能负载过高或正在维护，或者你的 IP/账号连接数过多（SMTP 421、POP3 -ERR [SYS/TEMP]、"+
				"IMAP NO [UNAVAILABLE]、“too many connections”）。这是暂时现象，你的设置很可能没有问题。"),
		Fix: tx(
			"Wait a few minutes and retry. Close other apps and devices using the same account, lower the number of "+
				"simultaneous connections (Thunderbird: Server Settings → Advanced → maximum number of server connections to "+
				"cache), and don't check mail more often than every few minutes.",
			"等几分钟后重试。关闭使用同一账号的其他程序和设备，减少同时连接数（Thunderbird：服务器设置 → 高级 → 缓存的最大服务器连接数），"+
				"收信间隔不要设得太短。"),
		Ref: "RFC 5321 3.8",
	},
	CodeServerClosed: {
		Severity: SevError,
		Title:    tx("Server closed the connection", "服务器关闭了连接"),
		Explain: tx(
			"The server closed the connection in the middle of the session without an error reply. Common reasons: a protocol "+
				"or encryption mismatch on this port, too many connections, your IP being blocked, an idle timeout, or a server crash.",
			"服务器在会话中途关闭了连接，且没有给出错误回复。常见原因：该端口的协议或加密方式不匹配、连接数过多、你的 IP 被限制、"+
				"空闲超时，或服务器故障。"),
		Fix: tx(
			"Check the port/security pairing, reduce parallel connections and retry later. If it always happens right after "+
				"connecting from this network only, its IP may be blocked.",
			"核对端口与加密方式，减少并发连接后稍后重试。如果只在当前网络、且总是刚连上就断开，可能是该 IP 被限制。"),
		Ref: "RFC 5321 3.8",
	},
	CodeServerProtocolError: {
		Severity: SevError,
		Title:    tx("Unexpected answer from the server", "服务器回应不符合协议"),
		Explain: tx(
			"The server sent something that does not fit the protocol the client expected — garbage, an HTTP page, a truncated "+
				"or malformed reply. Often the port belongs to another service, or a proxy answers in the mail server's place.",
			"服务器发来的内容不符合客户端预期的协议：乱码、网页、被截断或格式错误的回复。通常是该端口属于其他服务，或者有代理冒充邮件服务器应答。"),
		Fix: tx(
			"Check host and port (IMAP 993/143, POP3 995/110, SMTP 465/587) and turn proxies off for mail. If it persists, "+
				"send the transcript to the provider.",
			"核对服务器地址和端口（IMAP 993/143、POP3 995/110、SMTP 465/587），并为邮件关闭代理。若问题持续，请把检测记录发给服务商。"),
		Ref: "RFC 5321 4.2",
	},
	CodeProbeCanceled: {
		Severity: SevInfo,
		Title:    tx("Check interrupted", "检查被中断"),
		Explain: tx(
			"This check stopped before it finished, because the overall time limit ran out or it was interrupted (Ctrl-C). "+
				"Steps that did not run are marked as skipped and nothing is concluded about them.",
			"本次检查在完成前被中止：总时间用完，或被手动中断（Ctrl-C）。未执行的步骤标记为跳过，对它们不作任何结论。"),
		Fix: tx(
			"Run again, with a longer --timeout if the network is slow.",
			"重新运行；网络较慢时可加大 --timeout。"),
		Ref: "RFC 5321 4.5.3.2",
	},

	// ---------------- SMTP ----------------
	CodeSMTPAuthNotOffered: {
		Severity: SevError,
		Title:    tx("Server does not offer login (AUTH)", "服务器未提供登录（AUTH）"),
		Explain: tx(
			"The server's EHLO reply lists no AUTH mechanism, so the client cannot log in. Usually AUTH is only offered after "+
				"STARTTLS, or you are connected to a receiving server (MX, port 25) instead of the provider's sending server.",
			"服务器的 EHLO 回复中没有列出任何 AUTH 登录方式，客户端无法登录。通常是服务器只在 STARTTLS 加密之后才提供 AUTH，"+
				"或者你连接的是收信服务器（MX，25 端口），而不是服务商的发信服务器。"),
		Fix: tx(
			"Use the provider's sending server (smtp.<provider>) on 465 with SSL or 587 with STARTTLS. On 587/25, make sure "+
				"STARTTLS is on so AUTH appears.",
			"使用服务商的发信服务器（smtp.服务商域名），465 端口 + SSL 或 587 端口 + STARTTLS。使用 587/25 端口时，确保已开启 STARTTLS，"+
				"这样服务器才会提供 AUTH。"),
		Ref: "RFC 4954 3",
	},
	CodeSMTPPort25Submission: {
		Severity: SevWarning,
		Title:    tx("Port 25 used for sending from a mail app", "使用 25 端口从客户端发信"),
		Explain: tx(
			"You are sending through port 25. It may work today, but port 25 is meant for server-to-server delivery: it is "+
				"unencrypted by default, many ISPs and cloud providers block it, and providers may refuse client logins there.",
			"你正在通过 25 端口发信。现在也许能用，但 25 端口用于服务器之间投递：默认不加密，很多运营商和云服务商会封锁它，"+
				"服务商也可能不允许客户端在该端口登录。"),
		Fix: tx(
			"Switch the outgoing server to 465 with SSL/TLS or 587 with STARTTLS.",
			"把发送服务器改为 465 端口 + SSL/TLS，或 587 端口 + STARTTLS。"),
		Ref: "RFC 6409 1",
	},
	CodeSMTPAuthRequired: {
		Severity: SevError,
		Title:    tx("Server requires login before sending", "发信前必须登录"),
		Explain: tx(
			"The server refuses mail from a client that has not logged in (\"530 5.7.0 Authentication Required\", \"530 5.7.57 "+
				"Client not authenticated to send mail\", NetEase \"553 authentication is required\"). SMTP authentication is off "+
				"in the client, or no user name or password was set.",
			"服务器拒绝接收未登录客户端的邮件（“530 5.7.0 Authentication Required”、“530 5.7.57 Client not authenticated to send mail”、"+
				"网易 “553 authentication is required”）。说明客户端没有开启 SMTP 身份验证，或没有填写用户名和密码。"),
		Fix: tx(
			"Turn on \"My outgoing server (SMTP) requires authentication\" and enter the full address and the password "+
				"(authorization code or app password where required).",
			"开启“发送服务器（SMTP）需要身份验证”，并填写完整邮箱地址和密码（服务商要求时填授权码或应用专用密码）。"),
		Ref: "RFC 4954 6",
	},
	CodeSMTPRelayDenied: {
		Severity: SevError,
		Title:    tx("Server refuses to relay", "服务器拒绝转发邮件"),
		Explain: tx(
			"The server will not forward mail to an outside address for a client that has not logged in (\"550 5.7.1 Relaying "+
				"denied\", \"554 Relay access denied\"). SMTP authentication is off in the client, the login silently failed, or "+
				"you are talking to someone's receiving server (MX) instead of your own provider's sending server.",
			"服务器不会为未登录的客户端把邮件转发到外部地址（“550 5.7.1 Relaying denied”、“554 Relay access denied”）。"+
				"可能是客户端没有开启 SMTP 身份验证、登录其实没有成功，或者你连接的是别人的收信服务器（MX），而不是自己服务商的发信服务器。"),
		Fix: tx(
			"Turn on \"My outgoing server (SMTP) requires authentication\" with the same account and password (authorization "+
				"code) as for receiving, and use your own provider's SMTP server on 465 or 587.",
			"开启“发送服务器（SMTP）需要身份验证”，使用与收信相同的账号和密码（授权码），并使用自己服务商的 SMTP 服务器（465 或 587 端口）。"),
		Ref: "RFC 5321 3.6.2",
	},
	CodeSMTPSenderMismatch: {
		Severity: SevError,
		Title:    tx("Sender must be the logged-in account", "发件人必须与登录账号一致"),
		Explain: tx(
			"The server only lets you send as the account you logged in with, and the envelope sender (MAIL FROM) or From "+
				"address differs (\"553 Mail from must equal authorized user\", \"501 mail from address must be same as "+
				"authorization user\", Microsoft \"5.7.60 Client does not have permissions to send as this sender\").",
			"服务器只允许以登录账号的身份发信，而信封发件人（MAIL FROM）或信头 From 与登录账号不同（“553 Mail from must equal authorized "+
				"user”、“501 mail from address must be same as authorization user”、微软 “5.7.60 Client does not have permissions to "+
				"send as this sender”）。"),
		Fix: tx(
			"Set the sender / From address to exactly the address you log in with. To send as another address, add it as a "+
				"verified alias in the provider's web settings, or (Microsoft 365) have the administrator grant Send As.",
			"把发件人/From 地址改成与登录账号完全相同的地址。如需用其他地址发信，请先在服务商网页设置中添加并验证该地址，"+
				"Microsoft 365 需由管理员授予“代理发送（Send As）”权限。"),
		Ref: "RFC 6409 6.1",
		ProviderFix: map[string]Text{
			"microsoft365": tx(
				"Microsoft 365: send from the signed-in mailbox, or have an administrator grant Send As in the Exchange admin "+
					"center → Recipients → Mailboxes → (the other mailbox) → Delegation → Send as.",
				"Microsoft 365：使用登录的邮箱地址发信，或由管理员在 Exchange 管理中心 → 收件人 → 邮箱 →（目标邮箱）→ 委托 → "+
					"“代理发送（Send as）”中授权。"),
		},
	},
	CodeSMTPSenderInvalid: {
		Severity: SevError,
		Title:    tx("Sender address rejected", "发件人地址被拒绝"),
		Explain: tx(
			"The server rejected the envelope sender address itself: it is malformed, its domain does not exist, or the domain "+
				"accepts no mail (\"553 5.1.8 Domain of sender address does not exist\", \"501 5.1.7 Bad sender address syntax\").",
			"服务器拒绝了信封发件人地址本身：格式不正确、域名不存在，或该域名不接收邮件（“553 5.1.8 Domain of sender address does not "+
				"exist”、“501 5.1.7 Bad sender address syntax”）。"),
		Fix: tx(
			"Set the sender to a real, correctly spelled address that belongs to your account. In code, pass a bare address "+
				"(user@example.com) to MAIL FROM, not a display name.",
			"把发件人设为属于你账号、拼写正确的真实地址。写程序时 MAIL FROM 只传纯地址（user@example.com），不要带显示名称。"),
		Ref: "RFC 3463 3.2",
	},
	CodeSMTPHeloRejected: {
		Severity: SevError,
		Title:    tx("Greeting name (HELO/EHLO) rejected", "HELO/EHLO 主机名被拒绝"),
		Explain: tx(
			"The server rejected the name the client introduced itself with in HELO/EHLO, usually because it is not a "+
				"fully qualified host name (\"localhost\", a bare computer name, or a computer name with spaces or Chinese characters).",
			"服务器拒绝了客户端在 HELO/EHLO 中报出的主机名，通常是因为它不是完整的主机域名（如 “localhost”、简单的计算机名，"+
				"或带空格、中文字符的计算机名）。"),
		Fix: tx(
			"Most apps send the computer name: rename the computer using only letters, digits and hyphens, or set an explicit "+
				"HELO name (e.g. mail.example.com) in the app or library. Sending through the provider's port 465/587 with login "+
				"is usually less strict.",
			"多数程序使用计算机名作为 HELO：请把计算机名改为只含字母、数字和连字符，或在程序/库中指定 HELO 名称（如 mail.example.com）。"+
				"通过服务商的 465/587 端口登录后发信，通常检查较宽松。"),
		Ref: "RFC 5321 4.1.1.1",
	},
	CodeSMTPMessageTooLarge: {
		Severity: SevError,
		Title:    tx("Message too large", "邮件过大"),
		Explain: tx(
			"The server refused the message because it exceeds its size limit (\"552 5.3.4 Message size exceeds fixed limit\", "+
				"Gmail \"552-5.2.3\"). Attachments grow by about a third when encoded for e-mail: a 20 MB file becomes about 27 MB.",
			"邮件超过了服务器的大小限制而被拒绝（“552 5.3.4 Message size exceeds fixed limit”、Gmail “552-5.2.3”）。"+
				"附件编码后会增大约三分之一：20 MB 的文件发送时约为 27 MB。"),
		Fix: tx(
			"Send smaller attachments or a download link (cloud drive, \"large attachment\" feature). Providers usually allow "+
				"20–50 MB per message.",
			"减小附件，或改用网盘链接、邮箱的“超大附件”功能发送。服务商一般限制每封邮件 20–50 MB。"),
		Ref: "RFC 1870 6",
	},
	CodeSMTPSendingLimit: {
		Severity: SevError,
		Title:    tx("Sending limit reached", "已达发信数量上限"),
		Explain: tx(
			"The account has sent more messages or recipients than the provider allows for a period (Gmail \"550 5.4.5 Daily "+
				"user sending limit exceeded\", NetEase \"554 MI:STC\"). Further mail is refused until the counter resets.",
			"该账号在一段时间内发送的邮件或收件人数量超过了服务商的限制（Gmail “550 5.4.5 Daily user sending limit exceeded”、"+
				"网易 “554 MI:STC”），在计数重置前会继续被拒绝。"),
		Fix: tx(
			"Wait until the limit resets (usually 24 hours). Newsletters and system notifications should go through a bulk or "+
				"transactional mail service rather than a personal mailbox.",
			"等待限额重置（通常为 24 小时）。群发邮件和系统通知应使用专业的群发/事务邮件服务，而不是个人邮箱。"),
		Ref: "https://support.google.com/a/answer/166852",
		ProviderFix: map[string]Text{
			"gmail": tx(
				"Gmail limits personal accounts to about 500 recipients a day (Google Workspace about 2,000); the limit resets "+
					"on a rolling 24-hour basis.",
				"Gmail 个人账号每天约可发送给 500 位收件人（Google Workspace 约 2000 位），限额按滚动 24 小时重置。"),
			"163": tx(
				"NetEase free mailboxes cap daily sending; after 554 MI:STC, send again the next day or use enterprise mail or "+
					"a sending service.",
				"网易免费邮箱有每日发信数量限制，出现 554 MI:STC 后请次日再发，或改用企业邮箱/专业发信服务。"),
		},
	},
	CodeSMTPSpamRejected: {
		Severity: SevError,
		Title:    tx("Message rejected as spam", "邮件被判为垃圾邮件"),
		Explain: tx(
			"The server's anti-spam filter rejected the message because of its content, headers or sending pattern (NetEase "+
				"\"554 DT:SPM\", QQ \"550 Mail content denied\", \"rejected by anti-spam engine\"). Missing Subject/From/To headers, "+
				"link-heavy or repeated identical messages and test texts such as \"test\" often trigger it.",
			"服务器的反垃圾系统因内容、信头或发送行为拒收了邮件（网易 “554 DT:SPM”、QQ “550 Mail content denied”、"+
				"“rejected by anti-spam engine”）。缺少主题/发件人/收件人信头、链接过多、短时间重复发送相同内容、正文只有 “test” "+
				"等都容易触发。"),
		Fix: tx(
			"Give the message a real subject, proper From and To headers and normal text, and avoid sending many identical "+
				"messages quickly. For a temporary 451 DT:SPM, retry later. Bulk mail should use a dedicated sending service.",
			"给邮件填写正式的主题、规范的发件人和收件人信头以及正常正文，避免短时间大量发送相同内容。临时性的 451 DT:SPM 可稍后重试。"+
				"群发邮件请使用专业发信服务。"),
		Ref: "RFC 3463 3.8",
	},
	CodeSMTPRecipientUnknown: {
		Severity: SevError,
		Title:    tx("Recipient address does not exist", "收件人地址不存在"),
		Explain: tx(
			"The receiving server says the recipient mailbox does not exist or the address is invalid (\"550 5.1.1 User unknown\", "+
				"\"The email account that you tried to reach does not exist\", QQ \"Mailbox not found\"). Your account and settings "+
				"are fine; only this address is wrong.",
			"收件方服务器表示该收件人邮箱不存在或地址无效（“550 5.1.1 User unknown”、“The email account that you tried to reach does not "+
				"exist”、QQ “Mailbox not found”）。你的账号和设置没有问题，只是这个地址不对。"),
		Fix: tx(
			"Check the recipient address for typos (.con instead of .com, qq.com instead of 163.com) and ask the recipient for "+
				"the correct address.",
			"检查收件人地址是否拼写错误（如把 .com 写成 .con、把 163.com 写成 qq.com），并向对方确认正确地址。"),
		Ref: "RFC 3463 3.2",
	},
	CodeSMTPRecipientMailboxFull: {
		Severity: SevError,
		Title:    tx("Recipient's mailbox is full", "收件人邮箱已满"),
		Explain: tx(
			"The recipient's mailbox is over its storage quota (\"552 5.2.2 Mailbox full\", \"over quota\"). Nothing is wrong "+
				"with your account.",
			"收件人的邮箱空间已满（“552 5.2.2 Mailbox full”、“over quota”），你的账号没有问题。"),
		Fix: tx(
			"Tell the recipient by another channel, and send again after they have freed space.",
			"通过其他方式通知收件人清理邮箱，待其腾出空间后再发送。"),
		Ref: "RFC 3463 3.3",
	},
	CodeSMTPGreylisted: {
		Severity: SevWarning,
		Title:    tx("Temporarily deferred (greylisting)", "暂时延迟投递（灰名单）"),
		Explain: tx(
			"The receiving server deliberately refuses the first delivery attempt from an unknown sender with a temporary error "+
				"(\"450 4.2.0 Greylisted\", \"451 4.7.1 Please try again later\") and accepts it when retried a few minutes later. "+
				"Real mail servers retry automatically.",
			"收件方服务器会故意用临时错误拒绝陌生发件方的第一次投递（“450 4.2.0 Greylisted”、“451 4.7.1 Please try again later”），"+
				"几分钟后重试时再接收。正规邮件服务器会自动重试。"),
		Fix: tx(
			"Nothing to fix: the message is accepted on retry. Scripts that deliver straight to MX servers must retry after "+
				"5–15 minutes — better, send through your provider's SMTP server.",
			"无需修改，重试时会被接收。直接向收件方 MX 投递的脚本需要在 5–15 分钟后重试；更好的做法是通过自己服务商的 SMTP 服务器发信。"),
		Ref: "RFC 6647 2",
	},
	CodeSMTPIPBlocked: {
		Severity: SevError,
		Title:    tx("Your IP address is refused", "你的 IP 地址被拒绝"),
		Explain: tx(
			"The server refuses mail from the IP address you connect from: it is on a spam blocklist (Spamhaus and others), has "+
				"no reverse DNS, is a home or cloud address, or has a bad reputation (\"554 5.7.1 ... blocked using zen.spamhaus.org\", "+
				"NetEase \"554 HL:IPB\", Microsoft \"5.7.606 banned sending IP\").",
			"服务器拒绝接收来自你当前 IP 地址的邮件：该 IP 在垃圾邮件黑名单（如 Spamhaus）中、没有反向解析、属于家庭宽带或云主机地址段，"+
				"或信誉较差（“554 5.7.1 ... blocked using zen.spamhaus.org”、网易 “554 HL:IPB”、微软 “5.7.606 banned sending IP”）。"),
		Fix: tx(
			"Send through your own provider's SMTP server with login (465/587) instead of delivering directly. If you run the "+
				"server, look the IP up on the blocklist named in the reply, fix the cause (infected machine, open relay, missing "+
				"reverse DNS) and request delisting.",
			"改为通过自己服务商的 SMTP 服务器登录发信（465/587），不要直接投递。如果是自建服务器，请到回复中提到的黑名单网站查询该 IP，"+
				"消除原因（中毒机器、开放转发、缺少反向解析）后申请移除。"),
		Ref: "RFC 5782 2",
	},
	CodeSMTPSendingBlocked: {
		Severity: SevError,
		Title:    tx("Account is blocked from sending", "账号被限制发信"),
		Explain: tx(
			"Login works, but the provider has stopped this account from sending, usually after suspected spam or a stolen "+
				"password (Microsoft \"OutboundSpamException\" or \"5.7.705\", Aliyun \"541 This account isn't allowed to send email\").",
			"登录正常，但服务商已限制该账号发信，通常是因为疑似发送垃圾邮件或密码被盗（微软 “OutboundSpamException”、“5.7.705”，"+
				"阿里邮箱 “541 This account isn't allowed to send email”）。"),
		Fix: tx(
			"Sign in to web mail and follow the security notice (change the password, verify by SMS) and look for mail you did "+
				"not send. Company accounts: ask the administrator to release the block. Then wait before sending again.",
			"登录网页版邮箱，按安全提示操作（修改密码、短信验证），检查有没有不是你发出的邮件。企业邮箱请联系管理员解除限制，之后稍等再发信。"),
		Ref: "RFC 3463 3.8",
	},
	CodeSMTPSPFDMARCRejected: {
		Severity: SevError,
		Title:    tx("Sender domain authentication failed (SPF/DKIM/DMARC)", "发件域名验证失败（SPF/DKIM/DMARC）"),
		Explain: tx(
			"The receiving server rejected the message because it could not verify that your domain authorised the sending "+
				"server: SPF, DKIM or DMARC failed (\"550 5.7.26 This mail is unauthenticated\", \"5.7.23 SPF validation failed\"). "+
				"This is a DNS setting of the sender's domain, not a password problem.",
			"收件方服务器无法确认你的域名授权了这台服务器发信（SPF、DKIM 或 DMARC 验证失败，如 “550 5.7.26 This mail is "+
				"unauthenticated”、“5.7.23 SPF validation failed”），因此拒收。这是发件域名的 DNS 设置问题，与密码无关。"),
		Fix: tx(
			"Send through the provider that hosts your domain. If you own the domain, publish its SPF record (e.g. "+
				"include:spf.mail.qq.com, include:_spf.google.com, include:spf.protection.outlook.com), turn on DKIM signing in "+
				"the provider's admin console and add a DMARC record.",
			"通过托管你域名的邮箱服务商发信。如果域名是你的，请添加 SPF 记录（如 include:spf.mail.qq.com、include:_spf.google.com、"+
				"include:spf.protection.outlook.com），在服务商管理后台开启 DKIM 签名，并添加 DMARC 记录。"),
		Ref: "RFC 7372 3",
	},
	CodeSMTPSendFailed: {
		Severity: SevError,
		Title:    tx("Sending failed (no reason given)", "发送失败（未给出原因）"),
		Explain: tx(
			"The mail app reports that sending failed but shows no server reply or cause (Thunderbird \"Sending of the message "+
				"failed.\", PHPMailer \"data not accepted\"). The real reason is usually in the details, the log or the server's reply.",
			"邮件程序只报告发送失败，没有显示服务器回复或原因（Thunderbird “消息发送失败。”、PHPMailer “data not accepted”）。"+
				"真正的原因通常在详细信息、日志或服务器回复中。"),
		Fix: tx(
			"Find the server's reply in the app's details or log and paste it into mailcheck explain, or test the same "+
				"outgoing server settings with mailcheck.",
			"在程序的详细信息或日志中找到服务器的回复，粘贴给 mailcheck explain 分析；或用 mailcheck 以相同的发送服务器设置进行检测。"),
		Ref: "RFC 5321 4.2",
	},

	// ---------------- Authentication ----------------
	CodeAuthFailed: {
		Severity: SevError,
		Title:    tx("Login rejected", "登录被拒绝"),
		Explain: tx(
			"The server rejected the user name or password without a more specific reason. With most large providers this "+
				"now means the normal account password was used where an authorization code or app password is required; "+
				"otherwise the password is wrong or was changed, the user name is incomplete, or the account is restricted.",
			"服务器拒绝了用户名或密码，没有给出更具体的原因。对大多数大型邮箱来说，这通常意味着填的是网页登录密码，而服务商要求使用授权码"+
				"或应用专用密码；其他可能：密码错误或已修改、用户名不完整，或账号受限。"),
		Fix: tx(
			"Use the full e-mail address as user name. Check whether your provider requires an authorization code (QQ, 163, "+
				"126, Sina...) or an app password (Gmail, Yahoo, iCloud...) and create a new one; type it without spaces. If you "+
				"changed your password recently, update it on every device.",
			"用户名填写完整邮箱地址。确认服务商是否要求授权码（QQ、163、126、新浪等）或应用专用密码（Gmail、雅虎、iCloud 等），"+
				"如是请重新生成一个，输入时不要带空格。最近改过密码的话，请在所有设备上同步更新。"),
		Ref: "RFC 4954 6",
		// A bare refusal at these providers means their special password was not used.
		ProviderFix: mergeFixes(authCodeFixes, appPasswordFixes),
	},
	CodeAuthAppPasswordRequired: {
		Severity: SevError,
		Title:    tx("An app password is required", "需要使用应用专用密码"),
		Explain: tx(
			"The provider does not accept your normal account password in mail apps (two-step verification is on, or password "+
				"sign-in is blocked for apps). It wants a separate app password created in your account's security settings, or "+
				"a mail app that signs in with OAuth2. Examples: Gmail \"534-5.7.9 Application-specific password required\", "+
				"Yahoo \"535 5.7.0 (#AUTH005) Too many bad auth attempts\".",
			"服务商不允许在邮件客户端中使用账号的正常密码（已开启两步验证，或禁止应用用密码登录），要求在账号安全设置中生成单独的"+
				"“应用专用密码”，或使用支持 OAuth2 登录的客户端。例如 Gmail 返回 “534-5.7.9 Application-specific password required”，"+
				"雅虎返回 “535 5.7.0 (#AUTH005) Too many bad auth attempts”。"),
		Fix: tx(
			"Create an app password on your account's security page and paste it into the mail app's password field (the user "+
				"name stays your full address), or choose the app's \"Sign in with ...\" (OAuth2) option if it has one.",
			"在账号安全页面生成应用专用密码，粘贴到客户端的密码栏（用户名仍为完整邮箱地址）；如果客户端提供“使用某某账号登录”（OAuth2），"+
				"也可以改用它。"),
		Ref:         "https://support.google.com/mail/answer/185833",
		ProviderFix: appPasswordFixes,
	},
	CodeAuthAuthCodeRequired: {
		Severity: SevError,
		Title:    tx("Use the authorization code, not your password", "请使用授权码登录，而不是邮箱密码"),
		Explain: tx(
			"Chinese providers (QQ, 163, 126, yeah.net, Sina, Sohu, 139, Aliyun...) do not accept your web-mail password in "+
				"mail apps. They require a separate client authorization code (授权码 / 客户端授权密码), created after you switch "+
				"on POP3/IMAP/SMTP in web mail. QQ answers \"Please enter your authorization code to login\"; NetEase answers "+
				"\"535 Error: authentication failed\".",
			"QQ、163、126、yeah.net、新浪、搜狐、139、阿里邮箱等国内邮箱不允许在客户端中使用网页登录密码，必须先在网页版开启 "+
				"POP3/IMAP/SMTP 服务，再生成专用的“授权码”（客户端授权密码）填入客户端。QQ 邮箱会提示 “Please enter your authorization "+
				"code to login”，网易邮箱则返回 “535 Error: authentication failed”。"),
		Fix: tx(
			"Sign in to web mail → Settings → switch on the POP3/IMAP/SMTP service → verify by SMS → create an authorization "+
				"code and enter it in the mail app's password field. Changing the account password usually revokes old codes.",
			"登录网页版邮箱 → 设置 → 开启 POP3/IMAP/SMTP 服务 → 按提示短信验证 → 生成授权码，把授权码填到客户端的“密码”栏。"+
				"修改邮箱密码后，旧授权码通常会失效，需要重新生成。"),
		Ref:         "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256",
		ProviderFix: authCodeFixes,
	},
	CodeAuthBasicDisabled: {
		Severity: SevError,
		Title:    tx("Password login is switched off (OAuth2 only)", "已停用密码登录（只能用 OAuth2）"),
		Explain: tx(
			"The provider no longer accepts any password — neither the account password nor an app password — for IMAP, POP3 "+
				"or SMTP on this account; only OAuth2 sign-in works. Microsoft did this for Outlook.com/Hotmail personal accounts "+
				"in September 2024 and is retiring it for Microsoft 365 SMTP AUTH (\"535 5.7.139 Authentication unsuccessful, "+
				"basic authentication is disabled\", \"550 5.7.30 Basic authentication is not supported for Client Submission\").",
			"服务商已不再接受任何密码（账号密码和应用密码都不行）登录该账号的 IMAP、POP3、SMTP，只能使用 OAuth2 登录。"+
				"微软已于 2024 年 9 月对 Outlook.com/Hotmail 个人账号这样做，并正在停用 Microsoft 365 的 SMTP 基本认证（"+
				"“535 5.7.139 Authentication unsuccessful, basic authentication is disabled”、"+
				"“550 5.7.30 Basic authentication is not supported for Client Submission”）。"),
		Fix: tx(
			"Use a mail app that supports OAuth2 (Outlook, Thunderbird, Apple Mail, eM Client...) and add the account again with "+
				"\"Sign in with Microsoft\". Scripts and devices must switch to OAuth2 (XOAUTH2) or Microsoft Graph, or send "+
				"through a relay service.",
			"使用支持 OAuth2 的邮件客户端（Outlook、Thunderbird、Apple 邮件、eM Client 等），删除账号后重新添加并选择“使用微软账号登录”。"+
				"脚本和设备需改用 OAuth2（XOAUTH2）或 Microsoft Graph，或通过中继服务发信。"),
		Ref: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online",
		ProviderFix: map[string]Text{
			"outlook":          fixOutlookOAuth,
			"microsoft365":     fixM365OAuth,
			"gmail":            fixGmailAppPassword,
			"google-workspace": fixWorkspaceAppPassword,
		},
	},
	CodeAuthWebLoginRequired: {
		Severity: SevError,
		Title:    tx("Sign-in blocked until confirmed on the web", "需先在网页上确认登录"),
		Explain: tx(
			"The provider blocked this sign-in as suspicious (new location, data-centre IP, old sign-in method) and wants you "+
				"to confirm it in a web browser first. Gmail answers \"534-5.7.14 Please log in via your web browser\" or, over "+
				"IMAP, [WEBALERT] \"Web login required\".",
			"服务商认为这次登录可疑（新的地点、机房 IP、旧式登录方式）而拦截了它，要求先在浏览器中确认。Gmail 会返回 "+
				"“534-5.7.14 Please log in via your web browser”，IMAP 下则是 [WEBALERT] “Web login required”。"),
		Fix: tx(
			"Sign in to web mail from the same network and device, look for the security alert (\"Was this you?\") and confirm "+
				"it; then use an app password or OAuth2 in the mail app. Logins from data-centre servers are often blocked for "+
				"good — use OAuth2 or a sending service there.",
			"在同一网络、同一设备上用浏览器登录网页版邮箱，找到安全提醒（“是你本人吗？”）并确认；然后在客户端中使用应用专用密码或 OAuth2。"+
				"机房服务器的登录常被持续拦截，这种情况请改用 OAuth2 或专业发信服务。"),
		Ref: "https://support.google.com/mail/answer/78754",
		ProviderFix: map[string]Text{
			"gmail": tx(
				"Gmail: sign in at mail.google.com from the same network, open myaccount.google.com → Security → Recent "+
					"security activity and confirm the blocked sign-in; then use an app password "+
					"(myaccount.google.com/apppasswords) or OAuth2.",
				"Gmail：在同一网络下登录 mail.google.com，打开 myaccount.google.com → 安全性 → 最近的安全活动，确认被拦截的登录；"+
					"然后使用应用专用密码（myaccount.google.com/apppasswords）或 OAuth2。"),
		},
	},
	CodeAuthServiceDisabled: {
		Severity: SevError,
		Title:    tx("POP3/IMAP/SMTP access is not enabled", "未开启 POP3/IMAP/SMTP 服务"),
		Explain: tx(
			"The account exists and the password may be right, but access by mail apps over this protocol is switched off — by "+
				"default, by you or by the administrator (163 \"550 User has no permission\", QQ \"service is not open\", Gmail "+
				"\"Your account is not enabled for POP access\", Microsoft 365 \"SmtpClientAuthentication is disabled\").",
			"账号存在、密码也可能正确，但该协议的客户端访问被关闭了：可能是默认关闭、本人关闭或管理员关闭（163 “550 User has no "+
				"permission”、QQ “service is not open”、Gmail “Your account is not enabled for POP access”、Microsoft 365 "+
				"“SmtpClientAuthentication is disabled”）。"),
		Fix: tx(
			"Switch on POP3/IMAP/SMTP (\"mail clients\") access in the web-mail settings; company accounts need the "+
				"administrator to allow it. Chinese providers then give you an authorization code to use as the password.",
			"在网页版邮箱设置中开启 POP3/IMAP/SMTP（客户端访问）服务；企业邮箱需要管理员为你开通。国内邮箱开启后通常会生成授权码，"+
				"用它代替密码登录。"),
		Ref: "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
		ProviderFix: map[string]Text{
			"qq": tx(
				"QQ Mail: mail.qq.com → Settings → Account (new layout: Account & Security → Security settings) → switch on "+
					"IMAP/SMTP or POP3/SMTP and log in with the authorization code it generates. If the service is already on, the "+
					"same reply also covers a wrong code, a frozen account or too many logins: create a new code, wait a few "+
					"minutes, and check web mail for a security notice.",
				"QQ 邮箱：mail.qq.com → 设置 → 账户（新版“账号与安全 → 安全设置”）→ 开启 IMAP/SMTP 或 POP3/SMTP 服务，用生成的授权码登录。"+
					"如果服务已开启，这条提示也可能表示授权码错误、账号异常或登录过于频繁：请重新生成授权码，等几分钟再试，并登录网页版查看安全提示。"),
			"exmail": tx(
				"Tencent Exmail: web mail → Settings → 收发信设置 → switch on IMAP/SMTP and POP/SMTP; the administrator must "+
					"allow client (IMAP/SMTP) access for you in the admin console.",
				"腾讯企业邮：网页版 → 设置 → 收发信设置 → 开启 IMAP/SMTP、POP/SMTP 服务；管理员还需在管理后台为你开通客户端（IMAP/SMTP）权限。"),
			"163":  neteaseService("163.com"),
			"126":  neteaseService("126.com"),
			"yeah": neteaseService("yeah.net"),
			"netease-qiye": tx(
				"NetEase Enterprise Mail: web mail → Settings → Client settings → switch on POP/IMAP/SMTP; if it is still "+
					"refused, the administrator must allow client logins for you in the admin console.",
				"网易企业邮箱：网页版 → 设置 → 客户端设置 → 开启 POP/IMAP/SMTP；如仍被拒绝，请管理员在管理后台为你开放客户端登录权限。"),
			"sina":   fixSinaAuthCode,
			"sohu":   fixSohuAuthCode,
			"139":    fix139AuthCode,
			"189":    fix189AuthCode,
			"aliyun": fixAliyunAuthCode,
			"tom":    fixTomAuthCode,
			"gmail": tx(
				"Gmail: POP must be switched on — Settings (gear) → See all settings → Forwarding and POP/IMAP → Enable POP → "+
					"Save changes. IMAP is always on for personal accounts.",
				"Gmail：需要开启 POP —— 设置（齿轮）→ 查看所有设置 → 转发和 POP/IMAP → 启用 POP → 保存更改。个人账号的 IMAP 始终开启。"),
			"google-workspace": tx(
				"Google Workspace: the administrator must allow it — Admin console → Apps → Google Workspace → Gmail → End "+
					"User Access → POP and IMAP access, for your organisational unit.",
				"Google Workspace：需要管理员开启 —— 管理控制台 → 应用 → Google Workspace → Gmail → 最终用户访问 → POP 和 IMAP 访问"+
					"（针对你所在的组织部门）。"),
			"microsoft365": tx(
				"Microsoft 365 administrator: Microsoft 365 admin center → Users → Active users → (user) → Mail → Manage email "+
					"apps → tick Authenticated SMTP (and IMAP/POP if needed). If the whole tenant blocks it, run "+
					"Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or per mailbox Set-CASMailbox <user> "+
					"-SmtpClientAuthenticationDisabled $false; security defaults must allow it too (https://aka.ms/smtp_auth_disabled). "+
					"OAuth2 SMTP also needs this switch.",
				"Microsoft 365 管理员：Microsoft 365 管理中心 → 用户 → 活跃用户 →（该用户）→ 邮件 → 管理电子邮件应用 → 勾选“经过身份验证的 SMTP”"+
					"（需要时同时勾选 IMAP/POP）。如整个租户禁用，可运行 Set-TransportConfig -SmtpClientAuthenticationDisabled $false，"+
					"或针对单个邮箱运行 Set-CASMailbox <用户> -SmtpClientAuthenticationDisabled $false；“安全默认值”也必须允许"+
					"（https://aka.ms/smtp_auth_disabled）。使用 OAuth2 发信同样需要打开此开关。"),
			"outlook": tx(
				"Outlook.com: for POP, open Settings → Mail → Forwarding and IMAP and turn on \"Let devices and apps use POP\".",
				"Outlook.com：如需 POP，请打开 设置 → 邮件 → 转发和 IMAP，开启“允许设备和应用使用 POP”。"),
			"yandex": tx(
				"Yandex: Mail → Settings (gear) → Email clients → tick \"From the imap.yandex.com server via IMAP\" (and app "+
					"passwords), then create an app password in Yandex ID → Security. \"This user does not have access rights to "+
					"this service\" means this switch or the app password is missing.",
				"Yandex：邮箱 → 设置（齿轮）→ 邮件客户端 → 勾选“通过 IMAP 从 imap.yandex.com 服务器收取”（并选择应用密码），"+
					"再到 Yandex ID → 安全 中创建应用密码。“This user does not have access rights to this service”表示缺少这个开关或应用密码。"),
			"gmx": fixGMXAppPassword,
			"zoho": tx(
				"Zoho: Settings → Mail Accounts → IMAP Access / POP Access → enable. Organisation users: the administrator "+
					"must allow IMAP/POP in the Admin Console.",
				"Zoho：设置 → 邮件账户 → IMAP 访问 / POP 访问 → 启用。企业用户需管理员在管理控制台中允许 IMAP/POP。"),
		},
	},
	CodeAuthRateLimited: {
		Severity: SevError,
		Title:    tx("Too many login attempts", "登录尝试过于频繁"),
		Explain: tx(
			"The server has temporarily stopped accepting logins from this account or IP after too many attempts — usually "+
				"failed ones, or a new connection for every message (Gmail \"454 4.7.0 Too many login attempts\", NetEase "+
				"\"554 IP is rejected, smtp auth error limit exceed\").",
			"由于登录尝试过多（通常是多次失败，或每发一封信就重新连接登录），服务器暂时停止接受该账号或 IP 的登录（Gmail "+
				"“454 4.7.0 Too many login attempts”、网易 “554 IP is rejected, smtp auth error limit exceed”）。"),
		Fix: tx(
			"Stop all retries (close other apps and devices using the account), fix the password or authorization code first, "+
				"wait 15–60 minutes, then try once. Scripts should log in once and send several messages on that connection.",
			"停止所有重试（关闭使用该账号的其他程序和设备），先把密码/授权码改对，等待 15–60 分钟后再试一次。"+
				"脚本应一次登录后在同一连接中发送多封邮件。"),
		Ref: "RFC 3463 3.8",
	},
	CodeAuthPlaintextOffered: {
		Severity: SevWarning,
		Title:    tx("Password login offered without encryption", "服务器允许在未加密连接上登录"),
		Explain: tx(
			"The server offers password login (AUTH PLAIN/LOGIN, USER/PASS or IMAP LOGIN) on a connection that is not encrypted. "+
				"Anyone on the network path could read the password of a client that uses it.",
			"服务器在未加密的连接上提供密码登录（AUTH PLAIN/LOGIN、USER/PASS 或 IMAP LOGIN）。客户端如果这样登录，"+
				"网络路径上的任何人都能看到密码。"),
		Fix: tx(
			"Always use SSL/TLS (465/993/995) or STARTTLS (587/143/110) before logging in. Server administrators should disable "+
				"plaintext authentication on unencrypted connections.",
			"登录前务必使用 SSL/TLS（465/993/995）或 STARTTLS（587/143/110）。服务器管理员应禁止在未加密连接上进行密码认证。"),
		Ref: "RFC 8314 4.1",
	},
	CodeAuthPlaintextRefused: {
		Severity: SevError,
		Title:    tx("Password not sent over an unencrypted connection", "未加密连接上拒绝发送密码"),
		Explain: tx(
			"The client (mailcheck, or a library such as Go's net/smtp: \"unencrypted connection\") refused to send your "+
				"password because the connection is not encrypted; anyone on the network could read it.",
			"客户端（mailcheck，或 Go 的 net/smtp 等程序库：“unencrypted connection”）因连接未加密而拒绝发送密码，否则网络上的任何人都能看到它。"),
		Fix: tx(
			"Use SSL/TLS (465/993/995) or STARTTLS (587/143/110), then log in.",
			"改用 SSL/TLS（465/993/995）或 STARTTLS（587/143/110）后再登录。"),
		Ref: "RFC 8314 4.1",
	},
	CodeAuthMechUnsupported: {
		Severity: SevError,
		Title:    tx("Login method not supported", "不支持所选的登录方式"),
		Explain: tx(
			"Client and server share no login method: the client chose one the server does not offer (\"504 5.7.4 Unrecognized "+
				"authentication type\", \"does not support the selected authentication method\"), or the server only offers "+
				"methods the client lacks (only XOAUTH2, NTLM or CRAM-MD5, for example).",
			"客户端与服务器没有共同的登录方式：客户端选择了服务器不支持的方式（“504 5.7.4 Unrecognized authentication type”、"+
				"“不支持您选择的验证方式”），或者服务器只提供客户端不支持的方式（例如只有 XOAUTH2、NTLM 或 CRAM-MD5）。"),
		Fix: tx(
			"Set the authentication method to \"Normal password\" / \"Auto\" (LOGIN or PLAIN over TLS), or OAuth2 where the "+
				"provider requires it. mailcheck's transcript shows the methods the server lists after STARTTLS.",
			"把验证方式改为“普通密码”/“自动”（在 TLS 加密下使用 LOGIN 或 PLAIN），服务商要求时改用 OAuth2。"+
				"mailcheck 的检测记录会列出服务器在 STARTTLS 之后提供的登录方式。"),
		Ref: "RFC 4954 4",
	},
	CodeAuthSkipped: {
		Severity: SevInfo,
		Title:    tx("Login not tested", "未测试登录"),
		Explain: tx(
			"mailcheck did not try to log in on this server: no credentials were given, or an earlier step failed. Connection "+
				"and encryption were still checked.",
			"mailcheck 没有在这台服务器上尝试登录：没有提供账号密码，或前面的步骤已经失败。连接和加密仍然检查过了。"),
		Fix: tx(
			"To test the login too, run mailcheck again with the account and its password (authorization code or app password).",
			"如需同时测试登录，请带上账号和密码（授权码或应用专用密码）重新运行 mailcheck。"),
		Ref: "RFC 4954 4",
	},
	CodeAuthPasswordExpired: {
		Severity: SevError,
		Title:    tx("Password expired", "密码已过期"),
		Explain: tx(
			"The password is correct but has expired; the server wants a new one before mail apps may log in (IMAP NO [EXPIRED], "+
				"SMTP 4.7.12 \"A password transition is needed\").",
			"密码正确但已过期，服务器要求先设置新密码，客户端才能登录（IMAP NO [EXPIRED]、SMTP 4.7.12 “A password transition is needed”）。"),
		Fix: tx(
			"Change the password in web mail or your company portal, then update it in every mail app (or create a new "+
				"authorization code / app password).",
			"在网页版邮箱或公司门户中修改密码，然后在所有邮件客户端中更新（或重新生成授权码/应用专用密码）。"),
		Ref: "RFC 5530 3",
	},
	CodeAuthAuthorizationFailed: {
		Severity: SevError,
		Title:    tx("Credentials valid, access not allowed", "登录凭据有效但无权访问"),
		Explain: tx(
			"The server accepted who you are but will not let this identity use this mailbox or service (NO [AUTHORIZATIONFAILED]) "+
				"— for example a shared mailbox you have no rights to, or a policy blocking this protocol for you.",
			"服务器确认了你的身份，但不允许该身份使用这个邮箱或服务（NO [AUTHORIZATIONFAILED]），例如访问没有权限的共享邮箱，"+
				"或策略禁止你使用该协议。"),
		Fix: tx(
			"Make sure you log in to your own mailbox; for a shared mailbox ask the administrator to grant access.",
			"确认登录的是你自己的邮箱；如需访问共享邮箱，请管理员授予权限。"),
		Ref: "RFC 5530 3",
	},
	CodeAuthUsernameFormat: {
		Severity: SevError,
		Title:    tx("User name in the wrong form", "用户名格式不正确"),
		Explain: tx(
			"The server expects the user name in another form — usually the full e-mail address (user@example.com) instead of "+
				"only the part before @ — so the login fails even with the right password.",
			"服务器要求另一种格式的用户名，通常是完整邮箱地址（user@example.com），而不是只填 @ 前面的部分，因此即使密码正确也登录失败。"),
		Fix: tx(
			"Enter the full e-mail address as the user name (QQ Mail also accepts the QQ number). For iCloud IMAP, try the part "+
				"before @ if the full address is refused.",
			"用户名填写完整邮箱地址（QQ 邮箱也可以填 QQ 号）。iCloud 的 IMAP 如果完整地址被拒，可试试只填 @ 前面的部分。"),
		Ref: "RFC 5530 3",
	},
	CodeAuthAccountLocked: {
		Severity: SevError,
		Title:    tx("Account locked or suspended", "账号被锁定或冻结"),
		Explain: tx(
			"The provider has locked, frozen or disabled the account (\"user is locked\", \"account disabled\", 5.7.13 \"User "+
				"Account Disabled\"), for example after suspicious activity, long disuse or an unpaid enterprise subscription.",
			"服务商锁定、冻结或停用了该账号（“user is locked”、“account disabled”、5.7.13 “User Account Disabled”），例如出现可疑活动、"+
				"长期未使用，或企业邮箱欠费。"),
		Fix: tx(
			"Sign in to web mail or the provider's security centre and follow the unlock steps (SMS verification, appeal). "+
				"Enterprise users: ask the administrator.",
			"登录网页版邮箱或服务商的安全中心，按提示解锁（短信验证、申诉）。企业用户请联系管理员。"),
		Ref: "RFC 3463 3.8",
	},
	CodeAuthIPDenied: {
		Severity: SevError,
		Title:    tx("Login not allowed from this location", "不允许从当前位置登录"),
		Explain: tx(
			"The account or organisation only allows logins from certain IP addresses or regions, and this connection comes "+
				"from elsewhere (NetEase enterprise \"ERR.LOGIN.IPDENY\", Sohu's IP whitelist, administrator login-location policies).",
			"该账号或单位只允许特定 IP 或地区登录，而本次连接来自其他位置（网易企业邮 “ERR.LOGIN.IPDENY”、搜狐邮箱 IP 白名单、"+
				"管理员设置的登录地点限制）。"),
		Fix: tx(
			"Connect from an allowed network, or ask the administrator to allow this IP or region. Personal accounts: check the "+
				"login protection / IP whitelist setting in web mail.",
			"从允许的网络连接，或请管理员放行当前 IP/地区。个人邮箱请检查网页版中的登录保护/IP 白名单设置。"),
		Ref: "RFC 5530 3",
	},
	CodeAuthUserUnknown: {
		Severity: SevError,
		Title:    tx("Account does not exist on this server", "该服务器上不存在此账号"),
		Explain: tx(
			"The server says there is no such user (\"ERR.LOGIN.USERNOTEXIST\", \"no such user\"): the address is mistyped, "+
				"the account was deleted, or the server does not host this account.",
			"服务器表示不存在该用户（“ERR.LOGIN.USERNOTEXIST”、“no such user”）：可能是地址拼写错误、账号已被删除，或这台服务器不托管该账号。"),
		Fix: tx(
			"Check the spelling of the user name (full address) and that the server belongs to your provider.",
			"检查用户名（完整邮箱地址）是否拼写正确，并确认服务器属于你的邮箱服务商。"),
		Ref: "RFC 5530 3",
	},
	CodeAuthWrongServer: {
		Severity: SevError,
		Title:    tx("Account is hosted on another server", "账号不在此服务器上"),
		Explain: tx(
			"The server does not host your domain (NetEase enterprise \"ERR.LOGIN.DOMAINNOTEXIST\"). Enterprise mail services run "+
				"separate clusters and regions, and the client is talking to the wrong one.",
			"这台服务器不托管你的域名（网易企业邮 “ERR.LOGIN.DOMAINNOTEXIST”）。企业邮箱有多个集群和地区节点，客户端连到了错误的节点。"),
		Fix: tx(
			"Use the server names your provider assigns to your domain, as shown on web mail's client-settings page (e.g. "+
				"imaphz.qiye.163.com / smtphz.qiye.163.com for NetEase enterprise, hwimap.exmail.qq.com for Exmail's overseas "+
				"nodes, or the right Zoho region).",
			"使用服务商为你的域名分配的服务器地址，以网页版“客户端设置”页面显示为准（例如网易企业邮的 imaphz.qiye.163.com / "+
				"smtphz.qiye.163.com，腾讯企业邮海外节点 hwimap.exmail.qq.com，或正确的 Zoho 地区服务器）。"),
		Ref: "https://qiye.163.com/help/client-profile.html",
	},
	CodeAuthSubscriptionExpired: {
		Severity: SevError,
		Title:    tx("Mail service expired", "邮箱服务已到期"),
		Explain: tx(
			"The enterprise mail service for this domain has expired or been suspended (NetEase enterprise "+
				"\"ERR.LOGIN.DOMAINEXPED\"), so every login is refused.",
			"该域名的企业邮箱服务已到期或被暂停（网易企业邮 “ERR.LOGIN.DOMAINEXPED”），所有登录都会被拒绝。"),
		Fix: tx(
			"Ask your organisation's mail administrator to renew the service.",
			"请联系单位的邮箱管理员续费或恢复服务。"),
		Ref: "RFC 3463 3.8",
	},
	CodeAuthCredentialsMissing: {
		Severity: SevError,
		Title:    tx("No password was sent", "没有提供密码"),
		Explain: tx(
			"The client tried to log in without a user name or password (JavaMail \"no password specified?\", nodemailer "+
				"\"Missing credentials for PLAIN\", \"username or passwd is NULL\"): the field is empty or was not saved.",
			"客户端在没有用户名或密码的情况下尝试登录（JavaMail “no password specified?”、nodemailer “Missing credentials for PLAIN”、"+
				"“username or passwd is NULL”）：密码栏为空或没有保存。"),
		Fix: tx(
			"Enter the user name and password (authorization code or app password) in the account settings and save them; in "+
				"scripts, check the variables that should hold them.",
			"在账号设置中填写用户名和密码（授权码或应用专用密码）并保存；脚本中请检查保存它们的变量是否为空。"),
		Ref: "RFC 4954 4",
	},
	CodeAuthOAuthFailed: {
		Severity: SevError,
		Title:    tx("OAuth2 sign-in token rejected", "OAuth2 登录令牌被拒绝"),
		Explain: tx(
			"The server rejected the OAuth2 (XOAUTH2/OAUTHBEARER) token: it expired, was revoked, belongs to another account, "+
				"or lacks the mail permission (Gmail answers with a base64 JSON status 400/401).",
			"服务器拒绝了 OAuth2（XOAUTH2/OAUTHBEARER）令牌：令牌已过期、被撤销、属于其他账号，或缺少邮件权限（Gmail 会返回 base64 编码的 "+
				"JSON 状态 400/401）。"),
		Fix: tx(
			"Sign out and in again in the mail app to get a fresh token. Developers: request the right scope (Gmail "+
				"https://mail.google.com/, Microsoft IMAP.AccessAsUser.All / POP.AccessAsUser.All / SMTP.Send), use the mailbox's "+
				"own address as user name, and refresh expired tokens.",
			"在邮件客户端中退出后重新登录以获取新令牌。开发者请申请正确的权限范围（Gmail 为 https://mail.google.com/，微软为 "+
				"IMAP.AccessAsUser.All / POP.AccessAsUser.All / SMTP.Send），用户名使用该邮箱本身的地址，并及时刷新过期令牌。"),
		Ref: "RFC 7628 3.2.2",
	},

	// ---------------- POP3 ----------------
	CodePOP3InUse: {
		Severity: SevError,
		Title:    tx("Mailbox is in use by another POP3 session", "邮箱正被另一个 POP3 会话占用"),
		Explain: tx(
			"POP3 lets only one session open a mailbox at a time. Another device or mail app is downloading from it right now, "+
				"or an earlier session did not end cleanly (-ERR [IN-USE]).",
			"POP3 同一时间只允许一个会话打开邮箱。现在有另一台设备或邮件程序正在收取这个邮箱，或上一次会话没有正常结束（-ERR [IN-USE]）。"),
		Fix: tx(
			"Close other apps and phones that fetch this account by POP3, or wait a few minutes for the old session to time "+
				"out. Use IMAP if several devices must read the same mailbox.",
			"关闭其他用 POP3 收取该账号的程序或手机，或等几分钟让旧会话超时。如果多台设备要同时收信，建议改用 IMAP。"),
		Ref: "RFC 2449 8.1.2",
	},
	CodePOP3LoginDelay: {
		Severity: SevError,
		Title:    tx("Checking mail too often", "收信过于频繁"),
		Explain: tx(
			"The POP3 server limits how often you may log in (-ERR [LOGIN-DELAY]) and the client came back before the minimum "+
				"interval passed. The server's CAPA reply gives the interval in seconds (LOGIN-DELAY n).",
			"POP3 服务器限制了登录频率（-ERR [LOGIN-DELAY]），客户端在最小间隔到达前又来收信了。服务器的 CAPA 回复会以秒为单位给出间隔"+
				"（LOGIN-DELAY n）。"),
		Fix: tx(
			"Raise the client's \"check for new mail every ... minutes\" to at least the server's interval, and let only one "+
				"device poll this account by POP3.",
			"把客户端“每隔 … 分钟检查新邮件”的间隔调大到不小于服务器要求，并确保只有一台设备用 POP3 收取此账号。"),
		Ref: "RFC 2449 8.1.1",
	},
	CodePOP3SysPerm: {
		Severity: SevError,
		Title:    tx("Permanent server problem (POP3)", "服务器永久性故障（POP3）"),
		Explain: tx(
			"The POP3 server reported a permanent problem on its side (-ERR [SYS/PERM]), for example a damaged or read-only "+
				"mailbox or POP3 disabled for the account. Retrying will not help.",
			"POP3 服务器报告了服务器端的永久性问题（-ERR [SYS/PERM]），例如邮箱损坏、只读，或该账号的 POP3 已被停用。重试无济于事。"),
		Fix: tx(
			"Read the text after [SYS/PERM], which often names the problem; otherwise contact the provider or administrator.",
			"查看 [SYS/PERM] 后面的文字，通常会说明具体问题；否则请联系服务商或管理员。"),
		Ref: "RFC 3206 4",
	},

	// ---------------- IMAP ----------------
	CodeIMAPIDRequired: {
		Severity: SevError,
		Title:    tx("Server requires the IMAP ID command", "服务器要求客户端发送 IMAP ID 身份信息"),
		Explain: tx(
			"Login succeeded, but the server refuses to open any folder until the client identifies itself with the IMAP ID "+
				"command. NetEase (163, 126, yeah.net, 188) answers SELECT with \"Unsafe Login. Please contact kefu@188.com for help\".",
			"登录成功了，但在客户端用 IMAP ID 命令表明身份之前，服务器拒绝打开任何文件夹。网易邮箱（163、126、yeah.net、188）"+
				"会对 SELECT 回复 “Unsafe Login. Please contact kefu@188.com for help”。"),
		Fix: tx(
			"Use a mail app that sends IMAP ID (Thunderbird, Foxmail, NetEase Mail Master...). In your own code, send "+
				"ID (\"name\" \"myapp\" \"version\" \"1.0\") right after LOGIN and before SELECT.",
			"使用会发送 IMAP ID 的客户端（Thunderbird、Foxmail、网易邮箱大师等）。自己写程序时，在 LOGIN 之后、SELECT 之前发送 "+
				"ID (\"name\" \"myapp\" \"version\" \"1.0\")。"),
		Ref: "RFC 2971 3.1",
		ProviderFix: map[string]Text{
			"163":  neteaseID("163.com"),
			"126":  neteaseID("126.com"),
			"yeah": neteaseID("yeah.net"),
		},
	},
	CodeIMAPLoginDisabled: {
		Severity: SevError,
		Title:    tx("IMAP LOGIN command is disabled", "IMAP 的 LOGIN 命令被禁用"),
		Explain: tx(
			"The server advertises LOGINDISABLED even on the encrypted connection, so the simple LOGIN command is refused; it "+
				"only accepts AUTHENTICATE with a mechanism such as PLAIN or XOAUTH2.",
			"服务器在加密连接上仍然声明 LOGINDISABLED，简单的 LOGIN 命令会被拒绝，只接受 AUTHENTICATE 方式（如 PLAIN 或 XOAUTH2）。"),
		Fix: tx(
			"Set the app's authentication method to one the server lists in its AUTH= capabilities (most apps use "+
				"AUTHENTICATE PLAIN for \"Normal password\"), or OAuth2.",
			"把客户端的验证方式改为服务器 AUTH= 能力中列出的方式（多数客户端的“普通密码”会使用 AUTHENTICATE PLAIN），或改用 OAuth2。"),
		Ref: "RFC 9051 6.2.3",
	},
	CodeIMAPPreauthPlaintext: {
		Severity: SevWarning,
		Title:    tx("Logged in automatically without encryption", "服务器在未加密状态下自动登录"),
		Explain: tx(
			"The server greeted with PREAUTH on an unencrypted connection: the session is already logged in and STARTTLS is "+
				"no longer possible, so everything travels in clear text.",
			"服务器在未加密连接上以 PREAUTH 问候：会话已自动登录，且无法再执行 STARTTLS，所有内容都以明文传输。"),
		Fix: tx(
			"Use the IMAP SSL port 993. Administrators should not grant PREAUTH on plaintext connections.",
			"改用 IMAP 的 SSL 端口 993。管理员不应在明文连接上提供 PREAUTH。"),
		Ref: "RFC 9051 7.1.4",
	},
	CodeIMAPAlert: {
		Severity: SevWarning,
		Title:    tx("Message from the server", "服务器发来提示信息"),
		Explain: tx(
			"The IMAP server sent an [ALERT]: a message it requires to be shown to you, such as a security notice, a quota "+
				"warning or the reason it refused the login. Its text is in the evidence.",
			"IMAP 服务器发来了 [ALERT] 提示，要求必须展示给用户，例如安全通知、空间不足警告或拒绝登录的原因。具体内容见证据部分。"),
		Fix: tx(
			"Read the alert and follow it; it usually names the action needed (sign in on the web, enable IMAP, free space...).",
			"阅读提示内容并照做，通常会说明需要的操作（网页登录确认、开启 IMAP、清理空间等）。"),
		Ref: "RFC 9051 7.1",
	},
	CodeIMAPNonexistentMailbox: {
		Severity: SevError,
		Title:    tx("Folder does not exist", "文件夹不存在"),
		Explain: tx(
			"The server says the folder the client tried to open does not exist (NO [NONEXISTENT], \"Mailbox doesn't exist\"). "+
				"Folder names differ between providers and languages (\"Sent Items\", \"Sent Messages\", \"已发送\"), or the folder "+
				"was renamed or deleted.",
			"服务器表示客户端要打开的文件夹不存在（NO [NONEXISTENT]、“Mailbox doesn't exist”）。不同服务商和语言的文件夹名称不同"+
				"（“Sent Items”、“Sent Messages”、“已发送”），或者该文件夹已被改名或删除。"),
		Fix: tx(
			"Refresh the folder list in the app (subscribe / sync folders) and pick existing folders for Sent, Drafts and Trash "+
				"in the account settings.",
			"在客户端中刷新文件夹列表（订阅/同步文件夹），并在账号设置中为已发送、草稿、已删除选择实际存在的文件夹。"),
		Ref: "RFC 5530 3",
	},
	CodeIMAPOverQuota: {
		Severity: SevError,
		Title:    tx("Your mailbox is full", "你的邮箱已满"),
		Explain: tx(
			"The server refused to store a message because your mailbox is over its storage quota (NO [OVERQUOTA]); new mail "+
				"may bounce too.",
			"你的邮箱空间已满，服务器拒绝保存邮件（NO [OVERQUOTA]），新来信也可能被退回。"),
		Fix: tx(
			"Delete large messages and empty Trash and Junk in web mail, or upgrade the storage.",
			"在网页版中删除大邮件，清空已删除和垃圾邮件文件夹，或升级存储空间。"),
		Ref: "RFC 5530 3",
	},
	CodeIMAPContactAdmin: {
		Severity: SevError,
		Title:    tx("Administrator action required", "需要管理员处理"),
		Explain: tx(
			"The server refused with [CONTACTADMIN]: something about the account needs the administrator (account disabled, "+
				"policy, migration in progress).",
			"服务器以 [CONTACTADMIN] 拒绝：账号存在需要管理员处理的问题（账号停用、策略限制、正在迁移等）。"),
		Fix: tx(
			"Contact your mail administrator or provider support and give them the text of the reply.",
			"请联系邮箱管理员或服务商客服，并提供这条回复的内容。"),
		Ref: "RFC 5530 3",
	},
})

// withCodes sets every entry's Code to its key, so the table need not repeat it.
func withCodes(m map[Code]Entry) map[Code]Entry {
	for c, e := range m {
		e.Code = c
		m[c] = e
	}
	return m
}
