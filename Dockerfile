# Livelihood web app. Build:  docker build -t livelihood .
# Usually run through docker-compose.yml (app + SQL Server); alone it runs on the embedded SQLite default in /data.

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Project files first, so the restore layer is reused until a package reference changes.
COPY Directory.Build.props ./
COPY src/Livelihood.Data/Livelihood.Data.csproj src/Livelihood.Data/
COPY src/Livelihood.Web/Livelihood.Web.csproj src/Livelihood.Web/
RUN dotnet restore src/Livelihood.Web/Livelihood.Web.csproj

# The migrations under database/ are embedded into Livelihood.Data through ../../database/... paths.
COPY src/ src/
COPY database/ database/
RUN dotnet publish src/Livelihood.Web/Livelihood.Web.csproj -c Release -o /app --no-restore

# ---- runtime ----
# The default 10.0 tag is Ubuntu 24.04 (noble): it ships libicu and tzdata and is NOT globalization-invariant,
# so th-TH (and its Thai Buddhist calendar) has real culture data. It also defines the non-root user "app".
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl for the container healthcheck.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    Database__DataFolder=/data

# /data holds the SQLite database and Hangfire store (embedded default) and the data-protection keys (keys/).
# Created and chowned before VOLUME so a new named volume starts out owned by app.
RUN mkdir -p /data && chown app:app /data

WORKDIR /app
COPY --from=build /app ./

USER app
EXPOSE 8080
VOLUME ["/data"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1

# "docker run <image> migrate" only migrates the database and exits.
ENTRYPOINT ["dotnet", "Livelihood.Web.dll"]
