package recipe

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in      string
		q, qmax float64
		unit    string
	}{
		{"200g", 200, 200, "g"},
		{"1/2대", 0.5, 0.5, "대"},
		{"2큰술", 2, 2, "큰술"},
		{"2 큰술", 2, 2, "큰술"},
		{"1/2작은술", 0.5, 0.5, "작은술"},
		{"1~2개", 1, 2, "개"},
		{"20~25g", 20, 25, "g"},
		{"3-4쪽", 3, 4, "쪽"},
		{"4-3쪽", 3, 4, "쪽"},
		{"1과1/2컵", 1.5, 1.5, "컵"},
		{"1과 2/3큰술", 5.0 / 3, 5.0 / 3, "큰술"},
		{"2와1/2컵", 2.5, 2.5, "컵"},
		{"1+1/2T", 1.5, 1.5, "큰술"},
		{"1 1/2컵", 1.5, 1.5, "컵"},
		{"11/2큰술", 1.5, 1.5, "큰술"},
		{"1.5kg", 1.5, 1.5, "kg"},
		{"1.8Kg", 1.8, 1.8, "kg"},
		{"1,000g", 1000, 1000, "g"},
		{"1½큰술", 1.5, 1.5, "큰술"},
		{"1과½큰술", 1.5, 1.5, "큰술"},
		{"¼작은술", 0.25, 0.25, "작은술"},
		{"⅓개", 1.0 / 3, 1.0 / 3, "개"},
		{"1/4개(50g)", 0.25, 0.25, "개"},
		{"180g (약2줌)", 180, 180, "g"},
		{"100cc", 100, 100, "ml"},
		{"120ml", 120, 120, "ml"},
		{"2.5L", 2.5, 2.5, "L"},
		{"0.5T", 0.5, 0.5, "큰술"},
		{"1t", 1, 1, "작은술"},
		{"1Ts", 1, 1, "큰술"},
		{"2CUP", 2, 2, "컵"},
		{"4C", 4, 4, "컵"},
		{"1/2큰", 0.5, 0.5, "큰술"},
		{"1게", 1, 1, "개"},
		{"1/2개씩", 0.5, 0.5, "개"},
		{"1/2씩", 0.5, 0.5, ""},
		{"2개(大)", 2, 2, "개"},
		{"10cm", 10, 10, "cm"},
		{"50", 50, 50, ""},
		{"각 100g", 100, 100, "g"},
		{"소1/2", 0.5, 0.5, ""},
		{"작은토막 1개", 1, 1, "개"},
		{"5*5cm 3조각", 3, 3, "조각"},
		{"2011-01-02", 0.5, 0.5, ""},
		{"2011-03-04", 0.75, 0.75, ""},
		{"한 줌", 1, 1, "줌"},
		{"한큰술", 1, 1, "큰술"},
		{"반컵", 0.5, 0.5, "컵"},
		{"반모", 0.5, 0.5, "모"},
		{"1컵반", 1.5, 1.5, "컵"},
		{"２큰술", 2, 2, "큰술"},
		{"약간", 0, 0, ""},
		{"약간씩", 0, 0, ""},
		{"적당량", 0, 0, ""},
		{"조금", 0, 0, ""},
		{"少々", 0, 0, ""},
		{"레시피참조", 0, 0, ""},
		{"한참", 0, 0, ""},
		{"", 0, 0, ""},
		{"0개", 0, 0, ""},
		{"1/0컵", 1, 1, ""}, // garbage in: no fraction, no unit
	}
	for _, tt := range tests {
		got := ParseAmount(tt.in)
		want := Amount{Quantity: tt.q, QuantityMax: tt.qmax, Unit: tt.unit, Text: tt.in}
		if math.Abs(got.Quantity-want.Quantity) > 1e-9 || math.Abs(got.QuantityMax-want.QuantityMax) > 1e-9 ||
			got.Unit != want.Unit || got.Text != want.Text {
			t.Errorf("ParseAmount(%q) = %+v, want %+v", tt.in, got, want)
		}
	}
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestParseAmountDataset parses every distinct amount of the MAFRA recipe
// data set (testdata/amounts.txt).
func TestParseAmountDataset(t *testing.T) {
	lines := readLines(t, "testdata/amounts.txt")
	if len(lines) < 300 {
		t.Fatalf("only %d amounts in testdata", len(lines))
	}
	vague := 0
	for _, s := range lines {
		a := ParseAmount(s)
		checkAmount(t, s, a)
		if strings.ContainsAny(s, "0123456789½¼¾⅓⅛") && !(a.Quantity > 0) {
			t.Errorf("ParseAmount(%q) = %+v: no quantity", s, a)
		}
		if a.Quantity == 0 {
			vague++
			if a.Unit != "" {
				t.Errorf("ParseAmount(%q) = %+v: unit without quantity", s, a)
			}
		}
		if strings.ContainsAny(a.Unit, " ()0123456789씩") {
			t.Errorf("ParseAmount(%q) unit %q", s, a.Unit)
		}
	}
	if vague > 15 {
		t.Errorf("%d vague amounts, expected about 10", vague)
	}
}

func checkAmount(t *testing.T, in string, a Amount) {
	t.Helper()
	if a.Text != in || !(a.Quantity >= 0) || !(a.QuantityMax >= a.Quantity) ||
		math.IsInf(a.QuantityMax, 0) || !utf8.ValidString(a.Unit) {
		t.Errorf("ParseAmount(%q) = %+v breaks an invariant", in, a)
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range readLines(f, "testdata/amounts.txt") {
		f.Add(s)
	}
	for _, s := range []string{"", "1/", "/2", "1과", "1~", "~2", "1,", "1.", "9999999999999999999999/1", "1e400",
		"0/0", "1/0", "½½", "1 1 1/2", "2011-00-00", "5x", "5*", "반", "한"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAmount(t, s, ParseAmount(s))
	})
}
