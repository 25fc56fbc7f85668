package providers

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseAutoconfig feeds hostile documents to the autoconfig parser: it must not panic,
// and whatever it accepts must be a well-formed endpoint.
func FuzzParseAutoconfig(f *testing.F) {
	f.Add([]byte(autoDoc("example.test")))
	f.Add([]byte(`<clientConfig><emailProvider><incomingServer type="imap"><hostname>i.x.test</hostname></incomingServer></emailProvider></clientConfig>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><clientConfig/>`))
	f.Add([]byte(`<clientConfig><emailProvider><outgoingServer type="smtp"><hostname>%EMAILDOMAIN%</hostname><port>-1</port></outgoingServer></emailProvider></clientConfig>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig>&a;</clientConfig>`))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		ac, err := parseAutoconfig(data, "bob", "x.test")
		if err != nil {
			return
		}
		if len(ac.Endpoints) == 0 || len(ac.Endpoints) > maxEndpoints {
			t.Fatalf("accepted %d endpoints", len(ac.Endpoints))
		}
		for _, e := range ac.Endpoints {
			if protoRank(e.Proto) < 0 || secRank(e.Security) < 0 || e.Port < 1 || e.Port > 65535 || !hostRE.MatchString(e.Host) || e.Source != "autoconfig" {
				t.Fatalf("accepted bad endpoint %+v", e)
			}
		}
	})
}

// FuzzLoad feeds hostile provider files to Load: no panic, and an accepted file yields a DB
// whose lookups work and whose entries pass the structural checks again.
func FuzzLoad(f *testing.F) {
	f.Add(builtinJSON)
	f.Add([]byte(companyFile))
	f.Add([]byte(`{"version":1,"providers":[]}`))
	f.Add([]byte(`{"version":1,"providers":[{"key":"x","name":{"en":"X"},"domains":["*.x.test"],"mx":["*"],"endpoints":[{"proto":"imap","host":"i.x.test","port":993,"security":"tls"}],"username":"local","auth":"password","status":"active"}]}`))
	f.Add([]byte(`{"version":1,"providers":[null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		db, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, p := range db.All() {
			if err := checkEntry(p, false); err != nil {
				t.Fatalf("accepted entry fails its own check: %v", err)
			}
			for _, e := range p.Endpoints() {
				if e.Port < 1 || e.Port > 65535 || secRank(e.Security) < 0 || e.Source != "builtin:"+p.Key {
					t.Fatalf("bad endpoint %+v", e)
				}
			}
			db.Lookup(p.Key)
			db.Suggest(p.Key, 3)
			for _, m := range p.MX {
				db.ByMX(strings.ReplaceAll(m, "*", "a"))
			}
		}
		Builtin().Merge(db).Lookup("qq")
	})
}

// FuzzParseAutodiscover feeds hostile POX responses to the Autodiscover parser: no panic, no
// DTD ever accepted, and every accepted endpoint well-formed.
func FuzzParseAutodiscover(f *testing.F) {
	f.Add([]byte(adSettings(adProto("IMAP", "i.x.test", 993, "<SSL>on</SSL><LoginName>bob</LoginName>"), adProto("SMTP", "s.x.test", 587, ""))))
	f.Add([]byte(adRedirectDoc("redirectAddr", "a@b.test")))
	f.Add([]byte(adRedirectDoc("redirectUrl", "https://x.test/autodiscover/autodiscover.xml")))
	f.Add([]byte(billionLaughs))
	f.Add([]byte(`<!DOCTYPE x SYSTEM "file:///etc/passwd"><Autodiscover/>`))
	f.Add([]byte(`<Autodiscover><Response><Error><ErrorCode>600</ErrorCode></Error></Response></Autodiscover>`))
	f.Add([]byte(adSettings("<Protocol><Type>POP3</Type><Server>p.x.test</Server><Port>0</Port><Encryption>bogus</Encryption></Protocol>")))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := parseAutodiscover(data)
		if err != nil {
			return
		}
		if bytes.Contains(bytes.ToUpper(data), []byte("<!DOCTYPE")) && checkXML(data) == nil {
			// checkXML may miss a DOCTYPE only inside a comment or CDATA, where it is text.
			if !bytes.Contains(data, []byte("<!--")) && !bytes.Contains(data, []byte("<![CDATA[")) {
				t.Fatalf("accepted a document with a DOCTYPE: %q", data)
			}
		}
		if len(res.Endpoints) > maxEndpoints {
			t.Fatalf("accepted %d endpoints", len(res.Endpoints))
		}
		for _, e := range res.Endpoints {
			if protoRank(e.Proto) < 0 || secRank(e.Security) < 0 || e.Port < 1 || e.Port > 65535 || !hostRE.MatchString(e.Host) || e.Source != "autodiscover" {
				t.Fatalf("accepted bad endpoint %+v", e)
			}
		}
	})
}

// FuzzISPDBDocument: an ISPDB (or MX base domain autoconfig) answer goes through the DTD check
// and the clientConfig parser; a document with a DOCTYPE is never used.
func FuzzISPDBDocument(f *testing.F) {
	f.Add([]byte(autoDoc("isp.test")))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE clientConfig [<!ENTITY h "imap.evil.test">]><clientConfig><emailProvider><incomingServer type="imap"><hostname>&h;</hostname></incomingServer></emailProvider></clientConfig>`))
	f.Add([]byte(`<clientConfig><emailProvider><incomingServer type="imap"><hostname>i.x.test</hostname><port>993</port></incomingServer></emailProvider></clientConfig>`))
	f.Add([]byte("<clientConfig>" + strings.Repeat("<emailProvider>", 50) + "</clientConfig>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := checkXML(data); err != nil {
			return
		}
		ac, err := parseAutoconfig(data, "bob", "x.test")
		if err != nil {
			return
		}
		for _, e := range ac.Endpoints {
			if e.Port < 1 || e.Port > 65535 || !hostRE.MatchString(e.Host) {
				t.Fatalf("accepted bad endpoint %+v", e)
			}
		}
	})
}
