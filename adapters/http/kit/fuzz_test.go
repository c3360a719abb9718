package kit

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

type fuzzDTO struct {
	Email   string            `json:"email"`
	Name    string            `json:"name"`
	Items   []string          `json:"items"`
	Size    *int              `json:"size"`
	Flag    bool              `json:"flag"`
	Labels  map[string]string `json:"labels"`
	Nested  *fuzzDTO          `json:"nested"`
	Payload any               `json:"payload"`
}

// FuzzDecode feeds Decode's body half arbitrary bytes: it must never panic,
// and whatever it accepts must come out as valid NFC text.
func FuzzDecode(f *testing.F) {
	seeds := []string{
		`{"email":"kim@example.kr","name":"김치찌개","items":["땅콩","새우"],"size":2}`,
		`{"name":"` + norm.NFD.String("된장찌개") + `"}`,
		`{"name":"\u1100\u1175\u11b7\u110e\u1175"}`,
		`{"labels":{"` + norm.NFD.String("맛") + `":"매콤 🌶️"},"payload":["ㄱㅊ",{"x":"한"}]}`,
		`{"name":"👩‍🍳 요리사 🇰🇷"}`,
		"{\"name\":\"\xed\xa0\x80\"}",
		"{\"name\":\"\xff\xfe\"}",
		`{"nested":` + strings.Repeat(`{"nested":`, 200) + `{}` + strings.Repeat(`}`, 201),
		`{"payload":` + strings.Repeat(`[`, 12000) + strings.Repeat(`]`, 12000) + `}`,
		`{"name":"a"} {"name":"b"}`,
		`{"name":"a"}garbage`,
		`{"size":"두"}`,
		`{"role":"admin"}`,
		`null`,
		`"문자열"`,
		``,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var dst fuzzDTO
		if err := DecodeBytes(body, &dst); err != nil {
			return
		}
		checkNFC(t, reflect.ValueOf(dst))
	})
}

func checkNFC(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("decoded string %q is not valid NFC", s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkNFC(t, v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			checkNFC(t, v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkNFC(t, v.Index(i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			checkNFC(t, iter.Key())
			checkNFC(t, iter.Value())
		}
	}
}
