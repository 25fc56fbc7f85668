package reports

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/probes"
)

// TestEmptyReport: a run that found nothing to probe still renders in every format.
func TestEmptyReport(t *testing.T) {
	for _, f := range Formats {
		for _, lang := range []string{"en", "zh"} {
			var b bytes.Buffer
			rep := &probes.Report{Schema: probes.Schema, Command: "account", Input: "x@example.com"}
			if err := Write(&b, rep, f, Options{Lang: lang}); err != nil {
				t.Errorf("%s/%s: %v", f, lang, err)
			}
			if b.Len() == 0 {
				t.Errorf("%s/%s: empty output", f, lang)
			}
		}
	}
}

// TestUnknownFormat: an unknown format is an error and writes nothing.
func TestUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, stepsReport(), "yaml", Options{}); err == nil || b.Len() != 0 {
		t.Errorf("Write(yaml) = %v with %d bytes, want an error and no output", err, b.Len())
	}
}

// mutationFixtures are every report the golden files are made of, the conformance report, and
// the hand-made ones (settings only, explain, hostile text in every field, every status).
func mutationFixtures(t *testing.T) map[string]func(*testing.T) *probes.Report {
	fx := map[string]func(*testing.T) *probes.Report{
		"conform":  conformReport,
		"settings": func(*testing.T) *probes.Report { return settingsOnly() },
		"steps":    func(*testing.T) *probes.Report { return stepsReport() },
		"hostile":  func(*testing.T) *probes.Report { return hostileFieldsReport() },
	}
	for _, c := range goldenCases {
		fx["golden/"+c.name] = func(t *testing.T) *probes.Report { return goldenReport(t, c) }
	}
	for _, c := range statusCases {
		fx["status/"+c.name] = func(*testing.T) *probes.Report { return c.rep() }
	}
	return fx
}

// TestWriteDoesNotMutate: Write reads the report it is given and changes nothing in it, in no
// format, language or option; neither do JSONDoc and MarshalBatchLine, which share toJSON.
func TestWriteDoesNotMutate(t *testing.T) {
	for name, build := range mutationFixtures(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := build(t)
			want := deepCopy(rep)
			for _, f := range Formats {
				for _, lang := range []string{"en", "zh"} {
					for _, o := range []Options{{Lang: lang}, {Lang: lang, Color: true, Transcript: true}} {
						var b bytes.Buffer
						if err := Write(&b, rep, f, o); err != nil {
							t.Fatalf("%s/%s: %v", f, lang, err)
						}
						if !reflect.DeepEqual(rep, want) {
							t.Fatalf("Write(%s, %+v) changed the report", f, o)
						}
					}
				}
			}
			for _, lang := range []string{"en", "zh"} {
				JSONDoc(rep, lang)
				MarshalBatchLine(&BatchLine{Line: 1, Input: rep.Input, Report: rep}, lang)
				if !reflect.DeepEqual(rep, want) {
					t.Fatalf("JSONDoc or MarshalBatchLine (%s) changed the report", lang)
				}
			}
		})
	}
}

// TestDeepCopy: the copy TestWriteDoesNotMutate compares with is equal to its source and shares
// no memory with it, or a change made through a shared slice, map or pointer would go unseen.
func TestDeepCopy(t *testing.T) {
	for name, build := range mutationFixtures(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := build(t)
			cp := deepCopy(rep)
			if !reflect.DeepEqual(rep, cp) {
				t.Fatal("the copy differs from its source")
			}
			checkNoSharing(t, reflect.ValueOf(rep), reflect.ValueOf(cp), "rep")
		})
	}
}

// deepCopy copies v through every pointer, slice, map and interface it holds.
func deepCopy[T any](v T) T {
	src := reflect.ValueOf(&v).Elem()
	dst := reflect.New(src.Type()).Elem()
	copyValue(dst, src)
	return dst.Interface().(T)
}

func copyValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
			copyValue(dst.Elem(), src.Elem())
		}
	case reflect.Slice:
		if !src.IsNil() {
			dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
			for i := range src.Len() {
				copyValue(dst.Index(i), src.Index(i))
			}
		}
	case reflect.Map:
		if !src.IsNil() {
			dst.Set(reflect.MakeMapWithSize(src.Type(), src.Len()))
			for it := src.MapRange(); it.Next(); {
				k, e := reflect.New(src.Type().Key()).Elem(), reflect.New(src.Type().Elem()).Elem()
				copyValue(k, it.Key())
				copyValue(e, it.Value())
				dst.SetMapIndex(k, e)
			}
		}
	case reflect.Interface:
		if !src.IsNil() {
			e := reflect.New(src.Elem().Type()).Elem()
			copyValue(e, src.Elem())
			dst.Set(e)
		}
	case reflect.Struct:
		dst.Set(src) // unexported fields by value; checkNoSharing makes sure they hold no references
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				copyValue(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

var timeType = reflect.TypeFor[time.Time]()

// checkNoSharing fails if a and b, a value and its deep copy, share a pointer, a slice's backing
// array or a map, or hold a struct with an unexported reference deepCopy cannot reach (time.Time's
// *Location is immutable and allowed).
func checkNoSharing(t *testing.T, a, b reflect.Value, path string) {
	t.Helper()
	switch a.Kind() {
	case reflect.Pointer, reflect.Map:
		if a.IsNil() {
			return
		}
		if a.Pointer() == b.Pointer() {
			t.Errorf("%s: the copy shares it", path)
			return
		}
		if a.Kind() == reflect.Pointer {
			checkNoSharing(t, a.Elem(), b.Elem(), "*"+path)
			return
		}
		for it := a.MapRange(); it.Next(); {
			checkNoSharing(t, it.Value(), b.MapIndex(it.Key()), path+"["+it.Key().String()+"]")
		}
	case reflect.Slice:
		if a.Len() == 0 {
			return
		}
		if a.Pointer() == b.Pointer() {
			t.Errorf("%s: the copy shares its elements", path)
			return
		}
		for i := range a.Len() {
			checkNoSharing(t, a.Index(i), b.Index(i), path+"[i]")
		}
	case reflect.Interface:
		if !a.IsNil() {
			checkNoSharing(t, a.Elem(), b.Elem(), path)
		}
	case reflect.Struct:
		if a.Type() == timeType {
			return
		}
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() {
				switch f.Type.Kind() {
				case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Struct, reflect.Chan, reflect.Func:
					t.Errorf("%s.%s: an unexported %s deepCopy would share", path, f.Name, f.Type)
				}
				continue
			}
			checkNoSharing(t, a.Field(i), b.Field(i), path+"."+f.Name)
		}
	}
}
