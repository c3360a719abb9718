package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/kokmeal/kokmeal/adapters/config"
	"github.com/kokmeal/kokmeal/adapters/seed"
	"github.com/kokmeal/kokmeal/wire"
)

// seedCmd loads the demo data: the real recipes plus generated products and
// schedules, the same for the same flags. Imports replace by ID, so running
// it twice leaves one copy.
func seedCmd(ctx context.Context, args []string) error {
	def := seed.DefaultDemo(time.Now())
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	seedN := fs.Uint64("seed", def.Seed, "random seed: the same seed and sizes give the same data")
	products := fs.Int("products", def.Products, "number of mall products (1..1000000)")
	days := fs.Int("days", def.Days, "days of home-shopping schedule (1..60)")
	start := fs.String("start", def.Start.Format(time.DateOnly), "first schedule day, YYYY-MM-DD in Asia/Seoul")
	if err := fs.Parse(args); err != nil {
		return err
	}
	day, err := time.ParseInLocation(time.DateOnly, *start, seed.Seoul)
	switch {
	case err != nil:
		return fmt.Errorf("--start %q is not a YYYY-MM-DD date", *start)
	case *products < 1 || *products > 1_000_000:
		return fmt.Errorf("--products must be between 1 and 1000000")
	case *days < 1 || *days > 60:
		return fmt.Errorf("--days must be between 1 and 60")
	}
	cfg, err := config.Load("")
	if err != nil {
		return err
	}
	targets, cleanup, err := wire.Services(ctx, cfg)
	if err != nil {
		return err
	}
	defer cleanup()
	began := time.Now()
	sum, err := seed.Demo(ctx, seed.DemoOptions{Seed: *seedN, Products: *products, Days: *days, Start: day}, targets, false)
	if err != nil {
		return err
	}
	fmt.Printf("seeded %s in %s\n", sum, time.Since(began).Round(time.Millisecond))
	return nil
}
