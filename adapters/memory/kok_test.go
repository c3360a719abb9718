package memory_test

import (
	"sync/atomic"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/kok/koktest"
)

func TestMallContract(t *testing.T) {
	koktest.Run(t, func(t *testing.T) koktest.Stores {
		m := memory.NewMall()
		var users atomic.Int64
		return koktest.Stores{Products: m, Wishlist: m, Carts: m, Orders: m, Ownership: m,
			NewUser: func(*testing.T) int64 { return users.Add(1) }}
	})
}
