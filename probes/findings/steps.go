package findings

import "strings"

// stepNames are the probes' step names (probes/steps.go ids) as a report in Chinese shows
// them, in a step list and inside a sentence ("greeting: run deadline reached"); the JSON keeps
// the ids.
var stepNames = map[string]string{
	"resolve": "解析地址", "connect": "连接", "tls": "TLS 握手", "greeting": "欢迎信息",
	"ehlo": "EHLO 问候", "ehlo-tls": "EHLO（加密后）", "starttls": "STARTTLS 升级", "stls": "STLS 升级",
	"capa": "能力查询", "capa-tls": "能力查询（加密后）", "capability": "能力查询",
	"capability-tls": "能力查询（加密后）", "auth": "登录", "examine": "打开收件箱",
	"folders": "文件夹", "quota": "配额", "stat": "邮箱统计", "quit": "退出",
	"token": "令牌检查", "autoconfig": "autoconfig 配置",
}

// StepName is a step's name in lang: the id itself in English, its Chinese name in Chinese.
func StepName(name, lang string) string {
	if lang != "zh" {
		return name
	}
	if zh, ok := stepNameZH(name); ok {
		return zh
	}
	return name
}

func stepNameZH(name string) (string, bool) {
	if zh, ok := stepNames[name]; ok {
		return zh, true
	}
	// Discovery steps name their query: "mx example.com", "srv _imaps._tcp.example.com".
	if kind, rest, ok := strings.Cut(name, " "); ok && !strings.Contains(rest, " ") {
		if zh, ok := map[string]string{"mx": "MX 记录", "srv": "SRV 记录"}[kind]; ok {
			return zh + " " + rest, true
		}
	}
	return "", false
}
