import OffprintCLI
OffprintCommand.main()
