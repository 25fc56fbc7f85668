package findings

import "testing"

// unseenBatch16 is a batch gathered on 2026-12-04 from Chinese-language sources and from the tools
// Chinese developers paste errors from (QQ Mail, Tencent exmail, NetEase 163/126, Sina, Aliyun and Lark
// enterprise mail, Outlook used from China; Java/Spring and hutool, Python smtplib/imaplib/poplib and
// zmail, PHP Swift Mailer and Roundcube, Go net/smtp and gomail, Node nodemailer). GitHub threads
// in Chinese are well mined by the earlier batches: about 60 candidates turned out to be in the
// corpus already (verbatim or with only a prefix added) and were dropped before scoring. Each
// text is kept as posted, with its source; the label is the cause the thread established, else
// what the reply code and wording state. Scored once on first sight, before any matcher change:
// 27 of 40 right (67.5 %), 12 of 12 benign lines clean; per family (clientFamily): go 4/6, java 1/2,
// node 1/2, other 6/13, outlook 2/2, php 4/4, python 7/9, server-smtp 2/2. The four texts whose cause
// is not (or no longer) in the text moved to beyondText16 after scoring. One miss (zmail#22's 163
// POP3 "-ERR Can't get the letter ..., try again later") reached main first through batch 18 and was
// dropped here at the merge (27 of 39 without it, python 7/8).
var unseenBatch16 = []corpusCase{
	// https://github.com/easzlab/kubeasz/issues/448 (STARTTLS required on exmail's implicit-TLS port 465; the fix was port 587)
	{"level=error ts=2019-04-30T06:35:35.13402723Z caller=notify.go:332 component=dispatcher msg=\"Error on notify\" err=\"require_tls: true (default), but \\\"smtp.exmail.qq.com:465\\\" does not advertise the STARTTLS extension\"", ConfigPortModeMismatch, "", ""},
	// https://github.com/bs-community/blessing-skin-server/issues/490 (every server and port timed out from that host)
	{"邮件发送失败，详细信息：Connection could not be established with host smtp.exmail.qq.com :stream_socket_client(): Unable to connect to ssl://smtp.exmail.qq.com:465 (Connection timed out)", TCPTimeout, "", ""},
	// https://github.com/pjialin/py12306/issues/156 (STARTTLS attempted on exmail's implicit-TLS port 465; SSL on 465 worked in the same thread)
	{"Connected to smtp://smtp.exmail.qq.com:465/?starttls=always\nERROR: The SMTP server has unexpectedly disconnected.", PortExpectsTLS, "", ""},
	// https://github.com/gogs/gogs/issues/4871
	{"2017/11/16 10:38:35 [...les/mailer/mailer.go:201 processMailQueue()] [E] Fail to send emails [xxx@xxx.com xxx@xxx.com xxx@xx.com]: Subject: [xxx] 增添 xxx 字段 (#538), issue comment - gomail: could not send email 1: Rcpt: 550 Mailbox not found or access denied", SMTPRecipientUnknown, "", ""},
	// https://github.com/chengazhen/cursor-auto-free/issues/294 (QQ IMAP)
	{"未获取到验证码，发生错误: b'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.'", AuthServiceDisabled, "", ""},
	// https://github.com/meolu/walle-web/issues/289 (QQ limits how often one sender connects)
	{"Expected response code 250 but got code \"550\", with message \"550 Connection frequency limited\n\"", ServerBusy, "", ""},
	// https://github.com/orvice/ss-panel/issues/553 (the sending IP was rate-limited by QQ)
	{"550 Ip frequency limited.", ServerBusy, "", ""},
	// https://github.com/Shy2593666979/mcp-server-email/issues/3 (QQ; the server's TLS mode did not fit the port, fixed in the code)
	{"\"text\": \"[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1028)\"", PortExpectsSTARTTLS, "", ""},
	// https://github.com/zhangyunhao116/zmail/issues/14 (QQ; zmail spoke TLS to a plaintext port, fixed in 0.0.7)
	{"ssl.SSLError: [SSL: UNKNOWN_PROTOCOL] unknown protocol (_ssl.c:749)", PortExpectsSTARTTLS, "", ""},
	// https://github.com/bbottema/simple-java-mail/issues/417 (QQ port 465 opened without SSL)
	{"DEBUG SMTP: trying to connect to host \"smtp.qq.com\", port 465, isSSL false\nDEBUG SMTP: exception reading response, THROW: \njava.net.SocketTimeoutException: Read timed out", PortExpectsTLS, "", ""},
	// https://github.com/ZhongFuCheng3y/austin/issues/52
	{"cn.hutool.extra.mail.MailException: MessagingException: Exception reading response\nCaused by: javax.mail.MessagingException: Exception reading response;\n  nested exception is:\n\tjavax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target", TLSCertUntrusted, "", ""},
	// https://github.com/ageerle/ruoyi-ai/issues/113 (the mail settings stored in the database were wrong)
	{"2025-05-29 22:12:13 [XNIO-1 task-2] ERROR o.ruoyi.controller.CaptchaController\n - 邮箱验证码发送异常 => AuthenticationFailedException: 535 Error: authentication failed", AuthFailed, "", ""},
	// https://github.com/selfteaching/selfteaching-python-camp/issues/2302 (QQ SMTP from Chinese Windows)
	{"TimeoutError:由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败", TCPTimeout, "", ""},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1127 (the same server has no IPv6 route)
	{"Feb 11 11:44:48 online0 postfix/smtp[1133]: A297AA3C37: to=<zzspku@qq.com>, relay=none, delay=90, delays=0.01/0.02/90/0, dsn=4.4.1, status=deferred (connect to mx2.qq.com[240e:ff:f040:28::f]:25: Network is unreachable)", NetIPv6Unreachable, "", ""},
	// https://github.com/xuxueli/xxl-job/issues/244 (Aliyun ECS blocks port 25; fixed with SSL on 465)
	{"邮件服务--Could not connect to SMTP host: smtp.163.com, port: 25;部署服务器:阿里云 ECS", TCPPort25Blocked, "", ""},
	// https://github.com/neweggai/redis-manager/issues/166 (port 25 could not be reached; the tool had no port setting)
	{"org.springframework.mail.MailSendException: Mail server connection failed; nested exception is com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.163.com, 25; timeout -1;\n  nested exception is:\n        java.net.ConnectException: Connection refused (Connection refused). Failed messages: com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.163.com, 25; timeout -1;", TCPRefused, "", ""},
	// https://github.com/v2board/v2board/issues/446
	{"Connection could not be established with host mail.163.com :stream_socket_client(): unable to connect to tcp://mail.163.com:587 (Connection refused)", TCPRefused, "", ""},
	// https://github.com/pimalaya/himalaya/issues/651 (163 wants the IMAP ID command before SELECT)
	{"Error: cannot select IMAP mailbox: unexpected NO response: SELECT Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/mjs/imapclient/issues/544
	{"imaplib.IMAP4.error: select failed: SELECT Unsafe Login. Please contact kefu@188.com for help", IMAPIDRequired, "", ""},
	// https://github.com/Yudaotor/Riot-Accounts-AutoChangePassword/issues/10
	{"2023-07-19 10:48:32,928 ERROR: IMAP连接失败\n2023-07-19 10:48:32,932 ERROR: Traceback (most recent call last):\n  File \"Handler.py\", line 35, in IMAPHook\n  File \"imaplib2\\imaplib2.py\", line 2124, in __init__\n  File \"imaplib2\\imaplib2.py\", line 357, in __init__\n  File \"imaplib2\\imaplib2.py\", line 2136, in open\n  File \"imaplib2\\imaplib2.py\", line 473, in open_socket\n  File \"socket.py\", line 826, in create_connection\n  File \"socket.py\", line 961, in getaddrinfo\nsocket.gaierror: [Errno 11001] getaddrinfo failed", DNSNXDomain, "", ""},
	// https://github.com/zhangyunhao116/zmail/issues/85 (Sina POP3: another session of the same account was still open)
	{"CRITICAL:zmail:<POPServer username:xxx@sina.com password:xxx pop.sina.com:995 ssl:True tls:False> duplicate login!", POP3InUse, "", ""},
	// https://github.com/walinejs/waline/issues/3205 (the Aliyun enterprise-mail preset ignored the host and dialled localhost)
	{"Mail send fail: Error: connect ECONNREFUSED 127.0.0.1:587\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1636:16)\n    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17) {\n  errno: -111,\n  code: 'ESOCKET',\n  syscall: 'connect',\n  address: '127.0.0.1',\n  port: 587,\n  command: 'CONN'\n}", TCPRefused, "", ""},
	// https://github.com/roundcube/roundcubemail/issues/6421 (Roundcube 1.4 dialled a default port the server does not listen on; smtp_port = 25 fixed it)
	{"[31-Aug-2018 09:16:07 +0800]: <26hcbi6i> SMTP Error: Connection failed: Failed to connect socket: Connection refused in /var/www/mail.cmdschool.org/program/lib/Roundcube/rcube.php on line 1677 (POST /?_task=mail&_unlock=loading1535678111992&_framed=1&_lang=en_US&_action=send)", TCPRefused, "", ""},
	// https://github.com/QuantumNous/new-api/issues/1989
	{"错误：504 5.7.4 Unrecognized authentication type [ME2PR01CA0084.ausprd01.prod.outlook.com 2025-10-09T08:34:00.456Z 08DE05E7CF894786]", AuthMechanismUnsupported, "", ""},
	// https://github.com/ssrpanel/SSRPanel/issues/146 (smtp-mail.outlook.com:587 from a Chinese VPS)
	{"Connection could not be established with host smtp-mail.outlook.com [Connection timed out #110]", TCPTimeout, "", ""},
	// https://github.com/engigu/Message-Push-Nest/issues/40
	{"邮件发送失败: tls: first record does not look like a TLS handshake", PortExpectsSTARTTLS, "", ""},
	// https://github.com/cloudreve/cloudreve/issues/545 (implicit TLS to Office 365's STARTTLS port 587)
	{"[Error]   2020-08-29 14:25:22 邮件发送队列出现异常, tls: first record does not look like a TLS handshake ,10 秒后重置", PortExpectsSTARTTLS, "", ""},
	// https://github.com/lisijie/webcron/issues/25 (Go net/smtp will not send PLAIN credentials without TLS)
	{"[E] [mail.go:38] SendMail: unencrypted connection", AuthPlaintextRefused, "", ""},
	// https://github.com/FeeiCN/GSIL/issues/33
	{"smtplib.SMTPServerDisconnected: Connection unexpectedly closed: [Errno 104] Connection reset by peer", TCPReset, "", ""},
	// https://blog.gitcode.com/d0f7cc0e873baaffc744f6a6c3c46468.html (QD with Outlook: SSL and STARTTLS both on, AUTH not offered on the plain session)
	{"send mail error: SMTP AUTH extension not supported by server.", SMTPAuthNotOffered, "", ""},
	// https://github.com/OpenXiangShan/XiangShan/issues/1531 (Chinese bounce text)
	{"收件方服务器反馈收件人地址不存在的信息给我们服务器，建议以其他方式联系收件方，确认准确的邮件地址后再次尝试发送，或者将信件发送到收件方其他邮箱地址。", SMTPRecipientUnknown, "", ""},
	// https://github.com/dotnet/runtime/issues/107128 (System.Net.Mail's localized "The operation has timed out"; the client set Timeout = 100 ms)
	{"操作已超时", ServerResponseTimeout, "", ""},
	// https://github.com/GZTimeWalker/GZCTF/issues/33 (port 465 from that host never connected)
	{"GZCTF    | System.Net.Mail.SmtpException: Failure sending mail.\nGZCTF    |  ---> System.Net.Sockets.SocketException (110): Connection timed out\nGZCTF    |    at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)", TCPTimeout, "", ""},
	// https://github.com/xiaoyuanhost/TranspondSms/issues/14 (the app kept dialling port 25 whatever was configured)
	{"点击测试后提示: Could not connect to smtp host:  smtp.163.com, port: 25", TCPConnectFailed, "", ""},
	// https://github.com/v2board/v2board/issues/319 (Aliyun: an address setting held the host name; fixed with the full mailbox address)
	{"Address in mailbox given [smtpdm.aliyun.com] does not comply with RFC 2822, 3.6.2.", SMTPSenderInvalid, "", ""},
}

// beyondText16 are the batch's texts whose cause, as the thread established it, the text does not
// carry: a timeout to port 25 reads as a timeout (the corpus labels such lines tcp.timeout; that a
// cloud provider blocks the port is in the thread, not in the line), Lark's "authentication failed,
// system busy" is the same wording exmail uses for a missing client-specific password (there the
// password was simply wrong), and exmail's GBK reply reached the log as U+FFFD replacement
// characters, its words lost. They counted as misses on first sight and stay out of the corpus;
// nearest is what the matcher must keep giving.
var beyondText16 = []pinned{
	// https://github.com/easzlab/kubeasz/issues/448 (Alertmanager on exmail port 587 before the client-specific password was set; exmail's GBK reply shown as replacement characters)
	{"evel=error ts=2019-04-30T06:33:39.542678243Z caller=dispatch.go:280 component=dispatcher msg=\"Notify for alerts failed\" num_alerts=3 err=\"sending mail from: 501 ϵͳ\\ufffd\\ufffdǿ\\ufffdƿ\\ufffd\\ufffd\\ufffd\\ufffdʺ\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffdã\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd¼exmail.qq.com\\ufffd\\ufffd\\ufffd\\ufffd΢\\ufffd\\ufffd \"", AuthAuthorizationCodeRequired, ""},
	// https://github.com/Jinnrry/PMail/issues/85 (cloud servers block outgoing port 25)
	{"[ac11000265d9cc739f810001c3388fb0][/work/utils/send/send.go:181][0xc0000562e0] 邮件投递失败dial tcp 203.205.219.57:25: i/o timeout", TCPPort25Blocked, TCPTimeout},
	// https://github.com/docker-mailserver/docker-mailserver/issues/1127 (Aliyun blocks port 25)
	{"Feb 11 11:43:48 online0 postfix/smtp[1133]: connect to mx3.qq.com[183.57.48.35]:25: Connection timed out", TCPPort25Blocked, TCPTimeout},
	// https://github.com/twikoojs/twikoo/issues/740 (Lark mail; the maintainer: the password is wrong)
	{"{\"result\":{\"message\":\"SMTP 邮箱配置异常：Invalid login: 535 Error: authentication failed, system busy\"}}", AuthFailed, AuthAuthorizationCodeRequired},
}

// benignBatch16 are success and non-mail lines from the same threads: no error-level finding.
var benignBatch16 = []string{
	// https://github.com/pjialin/py12306/issues/156
	"<< 235 Authentication successful",
	// https://github.com/pjialin/py12306/issues/156
	"<< 250 Ok: queued as ",
	// https://github.com/pjialin/py12306/issues/156
	"<< 220 smtp.qq.com Esmtp QQ Mail Server",
	// https://github.com/DesertsP/Valine-Admin/issues/65
	"[2020-04-28T07:21:46.239766895Z][instance:web1] SMTP邮箱配置正常！",
	// https://github.com/DesertsP/Valine-Admin/issues/65
	"[2020-04-28T07:22:34.702140023Z][instance:web1] 垃圾评论检测完成，放行~",
	// https://github.com/luolongfei/freenom/issues/123
	"[2022-07-20 17:04:51] ***************@*******：执行成功，今次没有需要续期的域名。",
	// https://github.com/jackfrued/Python-100-Days/issues/255
	"    print('邮件发送完成!')",
	// https://github.com/pimalaya/himalaya/issues/651
	"DEBUG client::build: email::imap: login succeeded!",
	// https://github.com/joeyates/imap-backup/issues/217
	"D, [2024-11-16T11:48:55.524490 #748] DEBUG -- : Backup complete",
	// https://github.com/nodemailer/nodemailer-wellknown/pull/25
	"Message <***b198a-8a07-1d10-e310-1c624eafdbe4@delle.com.cn> sent: 250 Data Ok: queued as freedom",
	// https://github.com/pandolia/qqbot/issues/221
	"[2017-10-11 20:03:05] [WARNING] 开始尝试使用非私密连接和腾讯服务器通讯。",
	// https://github.com/Vincedream/NodeMail/issues/11
	"邮件发送成功 undefined",
}

// TestBeyondText16 holds the nearest reading of the texts whose cause is beyond the text.
func TestBeyondText16(t *testing.T) { checkPinned(t, beyondText16) }

// TestLibraryErrorNames16: batch 16's misses were fixed by class, so the siblings from the same
// tables are named too. Sources: the zh-CN Windows socket messages (FormatMessage for WSAE*, as
// PHP 7.4's socket_strerror() prints them on Chinese Windows: a public table of SOCKET_E* constants,
// values and texts in the code index); .NET's zh-Hans System.Net strings ("操作已超时", "基础连接已经
// 关闭", "无法从传输连接中读取数据", as quoted in Microsoft's zh-cn Application Insights docs and WCF
// traces); JavaMail's debug line "trying to connect to host ..., port N, isSSL false"
// (com/sun/mail/smtp/SMTPTransport.java, the same in IMAPStore/POP3Store); Swift Mailer's
// MailboxHeader ("does not comply with RFC 2822, 3.6.2.") and Symfony Mime's Address ("does not
// comply with addr-spec of RFC 2822"); POP3 temporary -ERR replies (RFC 2449 [SYS/TEMP] servers
// that say it in words) and Coremail/Sina's "duplicate login"; PHPMailer's Chinese language files
// (language/phpmailer.lang-zh_cn.php, -zh.php, the older -ch.php) and Roundcube's
// program/localization/zh_CN/messages.inc (smtpconnerror, smtpautherror, storageerror,
// accountlocked, erroroverquota, smtpsizeerror).
func TestLibraryErrorNames16(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Code
	}{
		{"[WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。", TCPTimeout},
		{"由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。", TCPTimeout},
		{"由于目标计算机积极拒绝，无法连接。", TCPRefused},
		{"远程主机强迫关闭了一个现有的连接。", TCPReset},
		{"你的主机中的软件中止了一个已建立的连接。", TCPReset},
		{"套接字操作尝试一个无法连接的主机。", TCPUnreachable},
		{"向一个无法连接的网络尝试了一个套接字操作。", TCPUnreachable},
		{"TCP连接失败imap.s.ytu.edu.cn:993:不知道这样的主机。", DNSNXDomain},
		{"这是在主机名解析时通常出现的暂时错误，它意味着本地服务器没有从权威服务器上收到响应。", DNSFailure},
		{"请求的名称有效，但是找不到请求的类型的数据。", DNSNoAddress},
		{"System.Net.Mail.SmtpException: 操作已超时。", ServerResponseTimeout},
		{"System.IO.IOException: 无法从传输连接中读取数据: 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。", ServerResponseTimeout},
		{"System.Net.WebException: 基础连接已经关闭: 接收时发生错误。", ServerClosed},
		{"System.IO.IOException: 无法从传输连接中读取数据: 远程主机强迫关闭了一个现有的连接。", TCPReset},
		{"DEBUG IMAPS: trying to connect to host \"imap.qq.com\", port 993, isSSL false\njava.net.SocketTimeoutException: Read timed out", PortExpectsTLS},
		{"DEBUG SMTP: trying to connect to host \"smtp.163.com\", port 465, isSSL true\njava.net.SocketTimeoutException: Read timed out", ServerResponseTimeout},
		{"Connected to imap://imap.example.com:993/\nERROR: The IMAP server has unexpectedly disconnected.", PortExpectsTLS},
		{"Connected to smtps://smtp.example.com:465/\nERROR: The SMTP server has unexpectedly disconnected.", ServerClosed},
		{"Email \"admin\" does not comply with addr-spec of RFC 2822.", SMTPSenderInvalid},
		{"err=\"require_tls: true (default), but \\\"smtp.example.com:993\\\" does not advertise the STARTTLS extension\"", ConfigPortModeMismatch},
		{"err=\"require_tls: true (default), but \\\"smtp.example.com:25\\\" does not advertise the STARTTLS extension\"", TLSSTARTTLSUnavailable},
		{"-ERR system busy, try again later", ServerBusy},
		{"-ERR duplicate login", POP3InUse},
		{"the service rejects duplicate login names", ""},
		{"Could not connect to SMTP host: smtp.qq.com, port: 25 (腾讯云服务器)", TCPPort25Blocked},
		{"SMTP 错误：无法连接到 SMTP 主机。", TCPConnectFailed},
		{"SMTP 錯誤：無法連線到 SMTP 主機。", TCPConnectFailed},
		{"SMTP 错误: 不能连接SMTP主机。", TCPConnectFailed},
		{"SMTP 错误：数据不被接受。", SMTPSendFailed},
		{"SMTP 錯誤：無法接受的資料。", SMTPSendFailed},
		{"SMTP 错误: 数据不可接受。", SMTPSendFailed},
		{"SMTP 错误：收件人地址错误：a@example.com", SMTPSendFailed},
		{"SMTP Error: The following recipients failed: a@example.com", SMTPSendFailed},
		{"SMTP 錯誤：登入失敗。", AuthFailed},
		{"SMTP 错误：身份验证失败。", AuthFailed},
		{"SMTP 错误 (-1):连接服务器失败。", TCPConnectFailed},
		{"连接至 IMAP 服务器失败。", TCPConnectFailed},
		{"登录失败太多次。请稍后再试。", AuthRateLimited},
		{"无法完成操作。没有足够的磁盘空间。", IMAPOverQuota},
		{"SMTP 错误：消息长度超过服务器能接受的长度 (10 MB)", SMTPMessageTooLarge},
		// Thunderbird zh-CN composeMsgs.properties smtpAuthGssapi / imapMsgs.properties imapAuthGssapiFailed, and the en-US smtpAuthGssapi
		{"Kerberos/GSSAPI 令牌没有被发件服务器（SMTP）smtp.corp.example 接受。请检查您是否已经登录 Kerberos/GSSAPI 域。", AuthFailed},
		{"您的 Kerberos/GSSAPI 票据被 IMAP 服务器 imap.corp.example 拒绝。请检查确认您是使用 Kerberos/GSSAPI 登录。", AuthFailed},
		{"The Kerberos/GSSAPI ticket was not accepted by the Outgoing server (SMTP) smtp.corp.example. Please check that you are logged in to the Kerberos/GSSAPI realm.", AuthFailed},
		// Thunderbird zh-CN and en-US composeMsgs.properties couldNotGetUsersMailAddress2
		{"发送邮件出错：发件人地址（From:）无效。请确认该地址正确后再试一次。", SMTPSenderInvalid},
		{"An error occurred while sending mail: the sender's address (From:) was invalid. Please verify that this email address is correct and try again.", SMTPSenderInvalid},
		// Thunderbird zh-CN strings already read correctly (smtpSendRequestRefused, smtpSendInterrupted, startTlsFailed, smtpHintAuthPlainToEncrypt, smtpPermSizeExceeded2, incorrectSmtpGreeting, imapNetTimeoutError, imapServerDroppedConnection2)
		{"因为无法连接到发件服务器（SMTP） smtp.qq.com，邮件未能发送。该服务器可能暂时不可用，或者拒绝 SMTP 连接。请验证您的发件服务器（SMTP）设置是否正确，然后再试。", TCPRefused},
		{"消息未发送，因为与发件服务器（SMTP） smtp.163.com 的连接在传输过程中中断。请重试。", TCPReset},
		{"发送邮件时出错：无法与发件服务器（SMTP） smtp.qq.com 使用 STARTTLS 建立安全连接，因为它不宣称支持此功能。请关闭对此服务器的 STARTTLS，或者联系您的服务提供商。", TLSSTARTTLSUnavailable},
		{"发件服务器（SMTP） smtp.qq.com 不允许明文密码。请尝试将“账号设置 | 发件服务器（SMTP）”中的“验证方式”更改为“加密的密码”。", AuthMechanismUnsupported},
		{"您尝试发送的消息大小超过了全局大小限制。消息未发送。请减少消息大小，然后重试。 服务器返回：552 5.3.4 Message size exceeds fixed limit。", SMTPMessageTooLarge},
		{"发送邮件时出错：邮件服务器发送了一个不正确的问候：220-。", ServerProtocolError},
		{"连接服务器 imap.qq.com 超时。", TCPTimeout},
		{"无法与 imap.163.com 连接，请稍后再试。如果问题依然存在，则可能是您超出了此服务器允许的最大连接数量。可在 IMAP 服务器设置中减少缓存的连接数量。", ServerBusy},
	} {
		got := MatchText(tt.text)
		var first Code
		if len(got) > 0 {
			first = got[0].Code
		}
		if first != tt.want {
			t.Errorf("MatchText(%q) = %v, want %q", tt.text, got, tt.want)
		}
	}
}
