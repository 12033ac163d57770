import ZoneLabCLI

ZoneLabMain.run()
