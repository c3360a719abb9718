package kit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kokmeal/kokmeal/core/errs"
)

// Decode reads r's JSON body into dst, strictly:
//
//   - Content-Type must be application/json (a charset parameter, if any,
//     must be utf-8), else 415 unsupported_media_type;
//   - a body over the limit is 413 too_large;
//   - an empty body, invalid UTF-8, a syntax error, an unknown field, a value
//     of the wrong JSON type, or anything after the value is 400 malformed.
//
// A wrong JSON type ("household_size": "two") is 400 rather than 422: the
// body does not match the schema, so no use case sees it; 422 is kept for
// well-formed values that a use case refuses. The error still names the
// field ("household_size: must be an integer") in message and fields.
//
// Every string that comes out is in Unicode NFC: Korean typed on macOS or
// iOS often arrives decomposed (NFD, conjoining jamo), and without this
// "김치" would be two different strings for search, uniqueness and
// password checks.
func Decode(r *http.Request, dst any) error {
	if err := checkJSONContentType(r.Header.Get("Content-Type")); err != nil {
		return err
	}
	if r.Body == nil {
		return malformed("request body is empty")
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &RequestError{Kind: ErrTooLarge, Message: fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit)}
		}
		return malformed("could not read the request body")
	}
	return DecodeBytes(body, dst)
}

// DecodeBytes is Decode's body half, for callers (and the fuzz test) that
// already hold the bytes.
func DecodeBytes(body []byte, dst any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return malformed("request body is empty")
	}
	if !utf8.Valid(body) {
		return malformed("request body is not valid UTF-8")
	}
	// Normalising the raw bytes to NFC before parsing is safe for JSON: every
	// byte of JSON's syntax ({ } [ ] : , " \ digits, true/false/null,
	// whitespace) is ASCII, and NFC never changes an ASCII character, never
	// composes it with what follows it (no canonical composition has an
	// ASCII second part), and never reorders across it (ASCII characters are
	// starters, combining class 0). So only runs of non-ASCII text, which
	// can only stand inside strings in valid JSON, change, and they change
	// to their canonical equivalent. Object keys are normalised too.
	if !norm.NFC.IsNormal(body) {
		body = norm.NFC.Bytes(body)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return malformed("request body has data after the JSON value")
	}
	// \uXXXX escapes are ASCII in the body, so the pass above left them
	// alone; a client may still escape a decomposed string. Walk the result
	// and normalise what they produced.
	normaliseValue(reflect.ValueOf(dst))
	return nil
}

func checkJSONContentType(ct string) error {
	unsupported := &RequestError{Kind: ErrUnsupportedMediaType, Message: "Content-Type must be application/json"}
	if ct == "" {
		return unsupported
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return unsupported
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return &RequestError{Kind: ErrUnsupportedMediaType, Message: "request bodies must be UTF-8 (charset=utf-8)"}
	}
	return nil
}

func malformed(msg string) error { return &RequestError{Kind: ErrMalformed, Message: msg} }

func decodeError(err error) error {
	var (
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
		tooBig  *http.MaxBytesError
		reqErr  *RequestError
	)
	switch {
	case errors.As(err, &reqErr):
		return reqErr
	case errors.As(err, &tooBig):
		return &RequestError{Kind: ErrTooLarge, Message: fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit)}
	case errors.As(err, &syntax):
		return malformed(fmt.Sprintf("malformed JSON at byte %d: %s", syntax.Offset, strings.TrimPrefix(syntax.Error(), "json: ")))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return malformed("malformed JSON: unexpected end of the body")
	case errors.As(err, &typeErr):
		field := typeErr.Field
		reason := "must be " + jsonTypeName(typeErr.Type)
		if field == "" {
			return malformed("request body " + reason)
		}
		return &RequestError{Kind: ErrMalformed, Message: field + ": " + reason, Fields: map[string]string{field: reason}}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &RequestError{Kind: ErrMalformed, Message: fmt.Sprintf("unknown field %q", name), Fields: map[string]string{name: "unknown field"}}
	case errors.Is(err, errs.ErrInvalid):
		// A DTO's own UnmarshalJSON may refuse a value with an *errs.Invalid
		// (422): pass it through untouched.
		return err
	default:
		return malformed("malformed JSON body")
	}
}

// jsonTypeName says in JSON's words what a Go type expects.
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	default:
		return "of another type"
	}
}

// normaliseValue puts every string reachable from v (through pointers,
// interfaces, structs' exported fields, slices, arrays and maps, keys
// included) in NFC. It only writes when something changes.
func normaliseValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			e := v.Elem()
			if e.Kind() == reflect.String {
				if s := e.String(); !norm.NFC.IsNormalString(s) && v.CanSet() {
					v.Set(reflect.ValueOf(norm.NFC.String(s)).Convert(e.Type()))
				}
				return
			}
			if e.Kind() == reflect.Pointer || e.Kind() == reflect.Map || e.Kind() == reflect.Slice {
				normaliseValue(e) // shares storage with v: edits show through
				return
			}
			// A struct or array held by value in an interface is not
			// addressable; copy, normalise, store back.
			if v.CanSet() {
				c := reflect.New(e.Type()).Elem()
				c.Set(e)
				normaliseValue(c)
				v.Set(c)
			}
			return
		}
		normaliseValue(v.Elem())
	case reflect.String:
		if s := v.String(); !norm.NFC.IsNormalString(s) && v.CanSet() {
			v.SetString(norm.NFC.String(s))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				normaliseValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return // []byte and json.RawMessage: bytes, not text
		}
		for i := range v.Len() {
			normaliseValue(v.Index(i))
		}
	case reflect.Map:
		normaliseMap(v)
	}
}

func normaliseMap(m reflect.Value) {
	if m.IsNil() {
		return
	}
	type entry struct{ k, v reflect.Value }
	var changed []entry
	iter := m.MapRange()
	for iter.Next() {
		k := reflect.New(m.Type().Key()).Elem()
		k.Set(iter.Key())
		val := reflect.New(m.Type().Elem()).Elem()
		val.Set(iter.Value())
		normaliseValue(k)
		normaliseValue(val)
		changed = append(changed, entry{iter.Key(), reflect.Value{}}, entry{k, val})
	}
	// Delete the old keys first, then store the normalised entries, so two
	// keys that normalise alike collapse into one (as if the client had sent
	// the NFC form twice; the last one wins, as in encoding/json).
	for i := 0; i < len(changed); i += 2 {
		m.SetMapIndex(changed[i].k, reflect.Value{})
	}
	for i := 1; i < len(changed); i += 2 {
		m.SetMapIndex(changed[i].k, changed[i].v)
	}
}

// Query is the query parameter name (its first value), in NFC, with invalid
// UTF-8 replaced by U+FFFD.
func Query(r *http.Request, name string) string {
	return normaliseText(r.URL.Query().Get(name))
}

// QueryAll is every value of a repeatable query parameter, normalised as
// Query does.
func QueryAll(r *http.Request, name string) []string {
	vals := r.URL.Query()[name]
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = normaliseText(v)
	}
	return out
}

func normaliseText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return norm.NFC.String(s)
}
