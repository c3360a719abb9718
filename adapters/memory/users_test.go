package memory_test

import (
	"testing"

	"github.com/kokmeal/kokmeal/adapters/memory"
	"github.com/kokmeal/kokmeal/core/user/usertest"
)

func TestAccountsContract(t *testing.T) {
	usertest.Run(t, func(t *testing.T) usertest.Stores {
		a := memory.NewAccounts()
		return usertest.Stores{Users: a.Users(), Tokens: a.Tokens()}
	})
}
