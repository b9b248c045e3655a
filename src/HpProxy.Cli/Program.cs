return HpProxy.Cli.CliApp.Run(args);
