package korean

import "testing"

// nfdKimchi is "김치" as conjoining jamo (NFD), as some clients send it.
const nfdKimchi = "\u1100\u1175\u11b7\u110e\u1175"

func TestCompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"김치", "김치"},
		{nfdKimchi, "김치"},
		{nfdKimchi + " 찌개", "김치 찌개"},
		{"\u1100", "ㄱ"},                    // lone lead → compatibility jamo
		{"\u1100\u1100\u1161", "ㄱ가"},       // only the last lead takes the vowel
		{"\uac00\u11a8", "각"},              // precomposed LV + tail
		{"\uac01\u11a8", "각ㄱ"},             // LVT cannot take another tail
		{"abc\u1161", "abcㅏ"},              // lone vowel
		{"\u1100\u1161\u11a8\u11a8", "각ㄱ"}, // one tail only
	}
	for _, tt := range tests {
		if got := Compose(tt.in); got != tt.want {
			t.Errorf("Compose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestChoseong(t *testing.T) {
	tests := []struct{ in, want string }{
		{"김치찌개", "ㄱㅊㅉㄱ"},
		{"김치 찌개", "ㄱㅊ ㅉㄱ"},
		{"깍두기", "ㄲㄷㄱ"},
		{"CJ제일제당", "cjㅈㅇㅈㄷ"},
		{"[비비고] 1kg", "[ㅂㅂㄱ] 1kg"},
		{nfdKimchi, "ㄱㅊ"},
		{"ㄱㅊ", "ㄱㅊ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Choseong(tt.in); got != tt.want {
			t.Errorf("Choseong(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsChoseong(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"ㄱㅊ", true},
		{"ㄱㅊㅉㄱ", true},
		{"ㄱㅊ ㅉㄱ", true},
		{" ㅎ ", true},
		{"\u1100", true}, // conjoining lead, composed to ㄱ
		{"", false},
		{"  ", false},
		{"김치", false},
		{"김ㅊ", false},
		{"ㄱa", false},
		{"ㅏ", false}, // a vowel
		{"ㄳ", false}, // a cluster never starts a syllable
	}
	for _, tt := range tests {
		if got := IsChoseong(tt.in); got != tt.want {
			t.Errorf("IsChoseong(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[비비고] 김치 찌개!", "비비고김치찌개"},
		{"CJ 햇반 210g×3", "cj햇반210g3"},
		{"  Ａ-b_C ", "ａbc"},
		{nfdKimchi, "김치"},
		{"ㄱ ㅊ", "ㄱㅊ"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		got := Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold not idempotent on %q: %q", got, again)
		}
	}
}

func TestDecomposeAndDistance(t *testing.T) {
	if got := Decompose("김치 a"); got != "ㄱㅣㅁㅊㅣ a" {
		t.Errorf("Decompose = %q", got)
	}
	if got := Decompose("과"); got != "ㄱㅘ" {
		t.Errorf("Decompose(과) = %q", got)
	}
	tests := []struct {
		a, b string
		want int
	}{
		{"찌개", "찌게", 1},
		{"김치찌개", "김치 찌개", 0},
		{"떡볶이", "떡볶기", 1},
		{"김치", "김치찌개", 4},
		{"", "가", 2},
		{"CJ", "cj", 0},
	}
	for _, tt := range tests {
		if got := JamoDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("JamoDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSubstringDistance(t *testing.T) {
	row := make([]int, 16)
	tests := []struct {
		text, pat string
		k, want   int
	}{
		{"국산김치찌개1kg", "김치찌게", 2, 1},
		{"김치찌개", "김치찌개", 2, 0},
		{"김치", "김치찌개", 1, 2},
		{"김치", "김치찌개", 3, 2},
		{"", "abc", 5, 3},
	}
	for _, tt := range tests {
		got := substringDistance([]rune(tt.text), []rune(tt.pat), tt.k, row)
		if got != tt.want {
			t.Errorf("substringDistance(%q, %q, %d) = %d, want %d", tt.text, tt.pat, tt.k, got, tt.want)
		}
	}
}
