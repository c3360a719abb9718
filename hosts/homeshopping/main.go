// Command homeshopping serves the TV home-shopping service (channels,
// schedule, broadcasts, alarms) alone on :8003.
package main

import (
	"github.com/kokmeal/kokmeal/hosts/internal/serve"
	"github.com/kokmeal/kokmeal/wire"
)

func main() { serve.Main("homeshopping", ":8003", wire.HomeShopping) }
