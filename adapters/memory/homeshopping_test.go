package memory_test

import (
	"sync/atomic"
	"testing"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/homeshopping/homeshoppingtest"
)

func TestHomeShoppingContract(t *testing.T) {
	var users atomic.Int64
	homeshoppingtest.Run(t, func(t *testing.T) homeshoppingtest.Stores {
		h := memory.NewHomeShopping()
		return homeshoppingtest.Stores{
			Schedule: h.Schedule(),
			Alarms:   h.Alarms(),
			NewUser:  func(*testing.T) int64 { return users.Add(1) },
		}
	})
}
