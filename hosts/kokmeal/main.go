// Command kokmeal is the operator's CLI: migrations and demo data.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

const usage = `usage: kokmeal <command> [arguments]

commands:
  migrate up|down|status|unlock
                           apply, roll back (last group), list migrations of
                           both databases (KOKMEAL_MAIN_DSN, KOKMEAL_LOG_DSN),
                           or clear a lock left by a killed migration
  seed [--seed N] [--products N] [--days N] [--start YYYY-MM-DD]
                           load the demo data: the 537 real recipes, generated
                           mall products and 5 channels of schedule
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "kokmeal:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("no command")
	}
	switch args[0] {
	case "migrate":
		return migrate(ctx, args[1:])
	case "seed":
		return seedCmd(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	default:
		fmt.Fprint(os.Stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}
