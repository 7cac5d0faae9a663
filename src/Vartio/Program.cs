using Vartio.Hosting;

return await VartioCli.RunAsync(args);
