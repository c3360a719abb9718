# One image per host: docker build --build-arg HOST=user .
FROM golang:1.26-bookworm AS build
ARG HOST=gateway
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./hosts/${HOST} \
 && CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/kokmeal ./hosts/kokmeal

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
COPY --from=build /out/kokmeal /kokmeal
WORKDIR /data
ENV KOKMEAL_DATA_DIR=/data
USER nonroot
ENTRYPOINT ["/app"]
