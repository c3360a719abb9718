// Command gateway serves every Kokmeal router on one port (:8000), with
// /docs and /openapi.json.
package main

import (
	"github.com/kokmeal/kokmeal/hosts/internal/serve"
	"github.com/kokmeal/kokmeal/wire"
)

func main() { serve.Main("gateway", ":8000", wire.Gateway) }
