# cloudcontract in a small image: a static binary carrying its contracts, features and cassettes,
# run as a non-root user. Build from a checkout (the .git folder gives the binary its revision):
#
#   docker build -t cloudcontract .
#   docker run --rm cloudcontract run                       # replay every suite, offline
#   docker run --rm -e CLOUDCONTRACT_UKCLOUD_USERNAME -e CLOUDCONTRACT_UKCLOUD_PASSWORD \
#     cloudcontract run --api ukcloud --target https://portal.example --shard 1/3
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/cloudcontract ./cmd/cloudcontract \
 && /out/cloudcontract version

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/cloudcontract /usr/local/bin/cloudcontract
# The built-in trees are unpacked once into the user's cache folder; results go to /work.
ENV HOME=/home/nonroot
WORKDIR /work
USER nonroot:nonroot
ENTRYPOINT ["cloudcontract"]
CMD ["run"]
