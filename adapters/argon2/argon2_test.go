package argon2_test

import (
	"strings"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/argon2"
)

func TestHashVerify(t *testing.T) {
	h := argon2.New(argon2.OWASP())
	const pw = "비밀번호는열글자입니다"
	enc, err := h.Hash(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not argon2id at OWASP parameters", enc)
	}
	again, _ := h.Hash(pw)
	if again == enc {
		t.Fatal("two hashes of one password are equal: salt is not random")
	}
	for _, c := range []struct {
		pw   string
		want bool
	}{{pw, true}, {pw + "x", false}, {"", false}} {
		ok, err := h.Verify(c.pw, enc)
		if err != nil || ok != c.want {
			t.Fatalf("Verify(%q) = %v, %v; want %v", c.pw, ok, err, c.want)
		}
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=99999999,t=1,p=1$AA$AA"} {
		if _, err := h.Verify(pw, bad); err == nil {
			t.Fatalf("Verify accepted malformed hash %q", bad)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	h := argon2.New(argon2.OWASP())
	for b.Loop() {
		if _, err := h.Hash("correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}
