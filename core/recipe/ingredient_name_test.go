package recipe

import (
	"strings"
	"testing"
)

func TestIngredientKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"대파", "대파"},
		{" 대파 ", "대파"},
		{"대파(흰부분)", "대파"},
		{"대파(흰부분", "대파"},
		{"쇠고기(안심 또는 등심)", "쇠고기"},
		{"돼지고기(목살)", "돼지고기"},
		{"목살", "목살"},
		{"다짐육(돼지고기)", "돼지고기"},
		{"다짐육(소고기)", "쇠고기"},
		{"다짐육", "다짐육"},
		{"물(쇠고기육수)", "쇠고기육수"},
		{"허브(민트)", "민트"},
		{"(국산) 마늘", "마늘"},
		{"[양념장] 고춧가루", "고춧가루"},
		{"[양념]", "양념"},
		{"소금, 후추", "소금"},
		{"식용유/소금/참기름/잣가루", "식용유"},
		{"홍피망, 청피망 각각", "홍피망"},
		{"다진 마늘", "마늘"},
		{"다진마늘", "마늘"},
		{"채썬마늘", "마늘"},
		{"다진파", "대파"},
		{"파", "대파"},
		{"파슬리", "파슬리"},
		{"다진파슬리", "파슬리"},
		{"계란", "달걀"},
		{"삶은계란", "달걀"},
		{"계란노른자", "달걀노른자"},
		{"소고기", "쇠고기"},
		{"돼기고기", "돼지고기"},
		{"고추가루", "고춧가루"},
		{"굵은고춧가루", "고춧가루"},
		{"굵은소금", "소금"},
		{"말린표고버섯", "말린표고버섯"},
		{"불린미역", "미역"},
		{"찐옥수수 알갱이", "옥수수알갱이"},
		{"찐빵", "찐빵"},
		{"국물용 다시마", "다시마"},
		{"육수용멸치", "멸치"},
		{"간장", "간장"},
		{"간마늘", "마늘"},
		{"미림", "맛술"},
		{"후춧가루", "후추"},
		{"월계수 잎", "월계수잎"},
		{"Olive Oil", "oliveoil"},
		{"다진", "다진"},
		{"", ""},
		{"()", ""},
	}
	for _, tt := range tests {
		if got := IngredientKey(tt.in); got != tt.want {
			t.Errorf("IngredientKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIngredientKeyDataset keys every distinct ingredient name of the MAFRA
// recipe data set (testdata/ingredient_names.txt).
func TestIngredientKeyDataset(t *testing.T) {
	names := readLines(t, "testdata/ingredient_names.txt")
	if len(names) < 700 {
		t.Fatalf("only %d names in testdata", len(names))
	}
	keys := map[string][]string{}
	for _, n := range names {
		k := IngredientKey(n)
		if k == "" || strings.ContainsAny(k, " ()[],/") {
			t.Errorf("IngredientKey(%q) = %q", n, k)
		}
		if again := IngredientKey(k); again != k {
			t.Errorf("IngredientKey not idempotent: %q → %q → %q", n, k, again)
		}
		keys[k] = append(keys[k], n)
	}
	// 715 names fold into about 590 keys; far fewer would mean rules that
	// merge different ingredients.
	if len(keys) >= len(names) || len(keys) < len(names)*3/4 {
		t.Errorf("%d names give %d keys", len(names), len(keys))
	}
	for _, k := range []string{"마늘", "대파", "달걀", "쇠고기", "소금", "고춧가루"} {
		if len(keys[k]) < 3 {
			t.Errorf("key %q has only names %v", k, keys[k])
		}
	}
	t.Logf("%d names, %d keys", len(names), len(keys))
}

func FuzzIngredientKey(f *testing.F) {
	for _, s := range []string{"대파(흰부분)", "[양념장] 고춧가루", "소금, 후추", "다진 마늘", "((", ")(", "[", "다짐육(", "(()"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = IngredientKey(s) // must not panic
	})
}
