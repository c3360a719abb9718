// Command user serves the user service (auth, users) alone on :8001.
package main

import (
	"github.com/kokmeal/kokmeal/hosts/internal/serve"
	"github.com/kokmeal/kokmeal/wire"
)

func main() { serve.Main("user", ":8001", wire.User) }
