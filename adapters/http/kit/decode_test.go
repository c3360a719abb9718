package kit

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kokmeal/kokmeal/core/errs"
)

type prefsIn struct {
	Name          string            `json:"name"`
	Allergies     []string          `json:"allergies"`
	HouseholdSize *int              `json:"household_size,omitempty"`
	Nested        *nestedIn         `json:"nested,omitempty"`
	Tags          map[string]string `json:"tags,omitempty"`
	Any           any               `json:"any,omitempty"`
}

type nestedIn struct {
	Note string `json:"note"`
}

func jsonRequest(body, contentType string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/api/v1/x", strings.NewReader(body))
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	return r
}

func TestDecodeRefusals(t *testing.T) {
	cases := []struct {
		name, body, ct string
		kind           error
		message        string
		field          string
	}{
		{"no content type", `{}`, "", ErrUnsupportedMediaType, "Content-Type must be application/json", ""},
		{"form", `a=b`, "application/x-www-form-urlencoded", ErrUnsupportedMediaType, "Content-Type must be application/json", ""},
		{"text", `{}`, "text/plain", ErrUnsupportedMediaType, "Content-Type must be application/json", ""},
		{"latin1", `{}`, "application/json; charset=latin1", ErrUnsupportedMediaType, "request bodies must be UTF-8 (charset=utf-8)", ""},
		{"empty", ``, "application/json", ErrMalformed, "request body is empty", ""},
		{"blank", "  \n", "application/json", ErrMalformed, "request body is empty", ""},
		{"syntax", `{"name": }`, "application/json", ErrMalformed, "malformed JSON at byte 10: invalid character '}' looking for beginning of value", ""},
		{"truncated", `{"name": "김`, "application/json", ErrMalformed, "malformed JSON: unexpected end of the body", ""},
		{"trailing object", `{"name":"a"}{"name":"b"}`, "application/json", ErrMalformed, "request body has data after the JSON value", ""},
		{"trailing garbage", `{"name":"a"} x`, "application/json", ErrMalformed, "request body has data after the JSON value", ""},
		{"unknown field", `{"name":"a","role":"admin"}`, "application/json", ErrMalformed, `unknown field "role"`, "role"},
		{"wrong type", `{"household_size":"two"}`, "application/json", ErrMalformed, "household_size: must be an integer", "household_size"},
		{"fraction for int", `{"household_size":2.5}`, "application/json", ErrMalformed, "household_size: must be an integer", "household_size"},
		{"nested wrong type", `{"nested":{"note":5}}`, "application/json", ErrMalformed, "nested.note: must be a string", "nested.note"},
		{"array for object", `[1]`, "application/json", ErrMalformed, "request body must be an object", ""},
		{"invalid utf-8", "{\"name\":\"\xff\"}", "application/json", ErrMalformed, "request body is not valid UTF-8", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var dst prefsIn
			err := Decode(jsonRequest(c.body, c.ct), &dst)
			var re *RequestError
			if !errors.As(err, &re) || !errors.Is(err, c.kind) {
				t.Fatalf("got %v, want a %v", err, c.kind)
			}
			if re.Message != c.message {
				t.Fatalf("message %q, want %q", re.Message, c.message)
			}
			if c.field != "" && re.Fields[c.field] == "" {
				t.Fatalf("fields %v do not name %s", re.Fields, c.field)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	r := jsonRequest(`{"name":"`+strings.Repeat("가", 100)+`"}`, "application/json")
	r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 64)
	err := Decode(r, &prefsIn{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
}

func TestDecodeAcceptsCharsetAndNormalisesToNFC(t *testing.T) {
	nfd := norm.NFD.String("김치찌개")
	if nfd == "김치찌개" {
		t.Fatal("test needs a decomposed string")
	}
	// The same text three ways: NFD bytes, NFD escapes, and NFD inside a map
	// key, an interface and a nested struct.
	escaped := `\u1100\u1175\u11b7\u110e\u1175`
	body := `{"name":"` + nfd + `","allergies":["` + escaped + `","땅콩"],"nested":{"note":"` + nfd + `"},` +
		`"tags":{"` + escaped + `":"` + escaped + `"},"any":{"k":["` + escaped + `"]}}`
	var dst prefsIn
	if err := Decode(jsonRequest(body, "application/json; charset=UTF-8"), &dst); err != nil {
		t.Fatal(err)
	}
	if dst.Name != "김치찌개" || dst.Nested.Note != "김치찌개" {
		t.Fatalf("not NFC: %q %q", dst.Name, dst.Nested.Note)
	}
	if dst.Allergies[0] != "김치" || dst.Allergies[1] != "땅콩" {
		t.Fatalf("escaped NFD not normalised: %q", dst.Allergies)
	}
	if dst.Tags["김치"] != "김치" || len(dst.Tags) != 1 {
		t.Fatalf("map not normalised: %q", dst.Tags)
	}
	if got := dst.Any.(map[string]any)["k"].([]any)[0]; got != "김치" {
		t.Fatalf("interface not normalised: %q", got)
	}
}

func TestDecodePassesInvalidFromUnmarshalers(t *testing.T) {
	var dst strictNoNulls
	err := Decode(jsonRequest(`{"v": null}`, "application/json"), &dst)
	if !errors.Is(err, errs.ErrInvalid) {
		t.Fatalf("got %v", err)
	}
}

type strictNoNulls struct{}

func (*strictNoNulls) UnmarshalJSON([]byte) error { return errs.Field("v", "must not be null") }

func TestQueryIsNFC(t *testing.T) {
	nfd := norm.NFD.String("된장")
	r := httptest.NewRequest(http.MethodGet, "/x?q="+nfd+"&ingredient="+nfd+"&ingredient=%ff", nil)
	if got := Query(r, "q"); got != "된장" {
		t.Fatalf("Query %q", got)
	}
	got := QueryAll(r, "ingredient")
	if len(got) != 2 || got[0] != "된장" || got[1] != "\uFFFD" {
		t.Fatalf("QueryAll %q", got)
	}
	if Query(r, "missing") != "" {
		t.Fatal("missing parameter")
	}
}
