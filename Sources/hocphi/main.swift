import HocPhiCLI

HocPhiCommand.main()
