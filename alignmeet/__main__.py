"""`python -m alignmeet ...` is `alignmeet-cli ...`."""

from alignmeet.cli import main

raise SystemExit(main())
